package org.gaitctl.sim.modbus;

/**
 * A device's holding register table with a range per register (spec §2, §3). A write with any value
 * out of range changes nothing. Not thread-safe; used under the owning model's lock.
 */
final class HoldingRegisters {

  private final int[] min;
  private final int[] max;
  private final boolean[] signed;
  private final int[] words;

  /**
   * @param ranges per address {@code {min, max, signed ? 1 : 0, initial}}
   */
  HoldingRegisters(int[][] ranges) {
    int count = ranges.length;
    this.min = new int[count];
    this.max = new int[count];
    this.signed = new boolean[count];
    this.words = new int[count];
    for (int i = 0; i < count; i++) {
      min[i] = ranges[i][0];
      max[i] = ranges[i][1];
      signed[i] = ranges[i][2] != 0;
      words[i] = ranges[i][3] & 0xFFFF;
    }
  }

  int size() {
    return words.length;
  }

  /** The register's value, sign-extended for signed registers. */
  int value(int address) {
    return signed[address] ? (short) words[address] : words[address];
  }

  /** Sets a register's raw word, bypassing the range check (the model restoring its own state). */
  void put(int address, int word) {
    words[address] = word & 0xFFFF;
  }

  int read(int address, int quantity, int[] wordsOut) {
    if (!RegisterRanges.fits(address, quantity, words.length)) {
      return RegisterDevice.ILLEGAL_DATA_ADDRESS;
    }
    System.arraycopy(words, address, wordsOut, 0, quantity);
    return RegisterDevice.OK;
  }

  int write(int address, int[] newWords) {
    if (!RegisterRanges.fits(address, newWords.length, words.length)) {
      return RegisterDevice.ILLEGAL_DATA_ADDRESS;
    }
    for (int i = 0; i < newWords.length; i++) {
      int a = address + i;
      int value = signed[a] ? (short) newWords[i] : newWords[i] & 0xFFFF;
      if (value < min[a] || value > max[a]) {
        return RegisterDevice.ILLEGAL_DATA_VALUE;
      }
    }
    for (int i = 0; i < newWords.length; i++) {
      words[address + i] = newWords[i] & 0xFFFF;
    }
    return RegisterDevice.OK;
  }
}
