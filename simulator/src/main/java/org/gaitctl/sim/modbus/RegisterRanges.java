package org.gaitctl.sim.modbus;

/** Address arithmetic shared by the register tables. */
final class RegisterRanges {

  private RegisterRanges() {}

  /**
   * Whether {@code quantity ≥ 1} registers from {@code address} lie inside a table of {@code size}.
   */
  static boolean fits(int address, int quantity, int size) {
    return address >= 0 && quantity >= 1 && address + quantity <= size;
  }
}
