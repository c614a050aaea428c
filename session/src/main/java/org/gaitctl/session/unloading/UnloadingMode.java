package org.gaitctl.session.unloading;

/** What the unloading loop did in its last cycle, and why. */
public enum UnloadingMode {
  /** Not started: no cycle yet. */
  IDLE,
  /** The harness is held (braked): command the target plus the integral, integrate nothing. */
  HELD,
  /** The belt is paused: P on the error, integral and feed-forward frozen. */
  PAUSED,
  /** The load-cell stream is late: command held on integral and feed-forward, nothing learned. */
  STREAM_LATE,
  /** Outer PI only: walking is not (yet) steady. */
  TRACKING,
  /** Outer PI plus the phase feed-forward, which keeps learning. */
  LEARNING
}
