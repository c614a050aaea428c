package org.gaitctl.sim.modbus;

/**
 * A Modbus slave's register tables as the emulator server sees them, free of any Modbus library.
 * Each call answers 0 for success or the Modbus exception code to send.
 *
 * <p>Called on the server's I/O threads while the simulation thread steps the model;
 * implementations synchronise. Calls never block on I/O.
 */
public interface RegisterDevice {

  int OK = 0;

  /** Modbus exception 2: an address outside the register table. */
  int ILLEGAL_DATA_ADDRESS = 2;

  /** Modbus exception 3: a value outside the register's range. */
  int ILLEGAL_DATA_VALUE = 3;

  /** Reads holding registers (FC 3) into {@code wordsOut} as unsigned 16-bit words. */
  int readHolding(int address, int quantity, int[] wordsOut);

  /** Reads input registers (FC 4) into {@code wordsOut} as unsigned 16-bit words. */
  int readInput(int address, int quantity, int[] wordsOut);

  /**
   * Writes holding registers (FC 6 with one word, FC 16 with several): all or, when any address or
   * value is illegal, none.
   */
  int writeHolding(int address, int[] words);
}
