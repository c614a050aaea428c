package org.gaitctl.drivers.modbus;

import org.gaitctl.core.port.CommandResult;

/**
 * The holding registers just below the heartbeat register as this driver last wrote them, so the
 * heartbeat's write can start at a pending setpoint and carry the registers in between unchanged
 * (one FC 16 doing two jobs). A register counts as known only after an acknowledged write; a write
 * with an unknown outcome (timeout, lost link) forgets it, a rejected one leaves it (the device
 * changed nothing, spec §2). Used only on the entered line; no allocation.
 */
final class KnownWords {

  /** How far below the heartbeat a setpoint may sit to be carried (spec maps: 5 for the drive). */
  static final int MAX_SPAN = 8;

  private final int heartbeatAddress;
  private final int[] words = new int[MAX_SPAN];
  private final boolean[] known = new boolean[MAX_SPAN];

  KnownWords(int heartbeatAddress) {
    this.heartbeatAddress = heartbeatAddress;
  }

  /** Records the outcome of writing {@code word} to {@code address}. */
  void written(int address, int word, CommandResult result) {
    int slot = slotOf(address);
    if (slot < 0 || result == CommandResult.REJECTED) {
      return;
    }
    words[slot] = word;
    known[slot] = result.isOk();
  }

  /** Whether every register from {@code address} up to the heartbeat (excluded) is known. */
  boolean allKnownFrom(int address) {
    int slot = slotOf(address);
    if (slot < 0) {
      return false;
    }
    for (int i = slot - 1; i >= 0; i--) {
      if (!known[i]) {
        return false;
      }
    }
    return true;
  }

  int word(int address) {
    return words[slotOf(address)];
  }

  /** Slot 0 is just below the heartbeat; -1 outside the window. */
  private int slotOf(int address) {
    int slot = heartbeatAddress - 1 - address;
    return slot >= 0 && slot < MAX_SPAN ? slot : -1;
  }
}
