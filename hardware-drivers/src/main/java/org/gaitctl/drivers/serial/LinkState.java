package org.gaitctl.drivers.serial;

/** Connection state of a {@link FramedSerialLink}. */
public enum LinkState {
  /** Not opened yet, or closed by its owner. */
  CLOSED,
  /** The port is open and being read. */
  OPEN,
  /**
   * The port failed (unplugged, pseudo-terminal closed); {@link FramedSerialLink#open()} retries.
   */
  LOST
}
