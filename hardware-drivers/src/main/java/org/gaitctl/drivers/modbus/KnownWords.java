package org.gaitctl.drivers.modbus;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.gaitctl.config.RegisterField;
import org.gaitctl.config.RegisterMap;
import org.gaitctl.config.RegisterTable;
import org.gaitctl.core.port.CommandResult;

/**
 * The carry window: the holding registers just below HEARTBEAT (every address a field of the map,
 * the control word excluded), as the device holds them, so the heartbeat's write can start at a
 * pending setpoint and carry the registers in between unchanged (one FC 16 doing two jobs; spec
 * maps: BWS 1–3, drive 1–5). A register is known after an acknowledged write or a read of the
 * window ({@link DeviceRegisters#readWatchdog()} reads it whole when WATCHDOG_MS lies in it); a
 * write with an unknown outcome (timeout, lost link) forgets it, a rejected one leaves it (the
 * device changed nothing, spec §2). Used only on the entered line; no allocation.
 */
final class KnownWords {

  /** The widest window carried (FC 16 stays short on a slow line). */
  static final int MAX_SPAN = 8;

  private final int heartbeatAddress;
  private final int firstAddress;
  private final int[] words = new int[MAX_SPAN];
  private final boolean[] known = new boolean[MAX_SPAN];

  private KnownWords(int heartbeatAddress, int firstAddress) {
    this.heartbeatAddress = heartbeatAddress;
    this.firstAddress = firstAddress;
  }

  /** The window of {@code map}; empty without a heartbeat register. */
  static KnownWords of(RegisterMap map, Optional<RegisterField> heartbeat, RegisterField control) {
    if (heartbeat.isEmpty()) {
      return new KnownWords(-1, -1);
    }
    Set<Integer> holding = new HashSet<>();
    for (RegisterField field : map.fields().values()) {
      if (field.table() == RegisterTable.HOLDING && field.address() != control.address()) {
        holding.add(field.address());
      }
    }
    int heartbeatAddress = heartbeat.get().address();
    int first = heartbeatAddress;
    while (heartbeatAddress - first < MAX_SPAN && holding.contains(first - 1)) {
      first--;
    }
    return new KnownWords(heartbeatAddress, first);
  }

  /** Whether {@code address} lies in the window (a setpoint there may be carried). */
  boolean inWindow(int address) {
    return address >= firstAddress && address < heartbeatAddress;
  }

  int firstAddress() {
    return firstAddress;
  }

  /** Registers from the first address up to the heartbeat (excluded). */
  int size() {
    return heartbeatAddress - firstAddress;
  }

  /** Records the outcome of writing {@code word} to {@code address}. */
  void written(int address, int word, CommandResult result) {
    if (!inWindow(address) || result == CommandResult.REJECTED) {
      return;
    }
    int slot = address - firstAddress;
    words[slot] = word;
    known[slot] = result.isOk();
  }

  /** The whole window as read from the device. */
  void read(int[] windowWords) {
    for (int slot = 0; slot < size(); slot++) {
      words[slot] = windowWords[slot];
      known[slot] = true;
    }
  }

  /** Whether every register after {@code address} up to the heartbeat (excluded) is known. */
  boolean allKnownAfter(int address) {
    if (!inWindow(address)) {
      return false;
    }
    for (int slot = address - firstAddress + 1; slot < size(); slot++) {
      if (!known[slot]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code address} lies in the window and its register's value is known. */
  boolean isKnown(int address) {
    return inWindow(address) && known[address - firstAddress];
  }

  int word(int address) {
    return words[address - firstAddress];
  }
}
