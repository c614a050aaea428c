package org.gaitctl.drivers.modbus;

import org.gaitctl.config.BitField;
import org.gaitctl.config.RegisterMap;

/**
 * The control word a driver last commanded, composed from the profile's base word and the state of
 * every flag, so that changing one flag (RUN) never clobbers another (SPLIT, QUICK_STOP). Flags
 * start inactive (active-low flags therefore start with their bits set).
 *
 * <p>Not thread-safe; owned by one driver under its lock.
 */
final class ControlWord {

  private int word;

  ControlWord(RegisterMap map) {
    int initial = map.controlBaseWord();
    for (BitField flag : map.controlBits().values()) {
      initial = flag.apply(initial, false);
    }
    this.word = initial & 0xFFFF;
  }

  /** The word with every remembered flag. */
  int word() {
    return word;
  }

  /** Remembers a flag's new state. */
  void set(BitField flag, boolean active) {
    word = flag.apply(word, active) & 0xFFFF;
  }

  /** The remembered word with one flag changed, without remembering the change (for pulses). */
  int with(BitField flag, boolean active) {
    return flag.apply(word, active) & 0xFFFF;
  }

  boolean isActive(BitField flag) {
    return flag.isActive(word);
  }
}
