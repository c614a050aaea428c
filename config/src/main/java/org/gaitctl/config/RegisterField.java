package org.gaitctl.config;

/**
 * One numeric register of a device profile's register map: engineering value = raw × scale.
 *
 * @param name the field's name in the profile, e.g. {@code speedSet}
 * @param table holding or input register
 * @param address zero-based register address (protocol address, not the 4xxxx number)
 * @param scale engineering units per raw count, &gt; 0
 * @param signed whether the 16-bit raw value is two's complement
 * @param unit the engineering unit, e.g. {@code m/s}, for messages and docs
 * @param range the values the device accepts, in the engineering unit
 */
public record RegisterField(
    String name,
    RegisterTable table,
    int address,
    double scale,
    boolean signed,
    String unit,
    FieldRange range) {

  /** A field whose range is everything its 16-bit register can hold. */
  public RegisterField(
      String name, RegisterTable table, int address, double scale, boolean signed, String unit) {
    this(name, table, address, scale, signed, unit, FieldRange.ofRegister(scale, signed));
  }

  /** Raw count for an engineering value, rounded to the nearest count (not range-checked). */
  public int toRaw(double value) {
    return (int) Math.round(value / scale);
  }

  /** Engineering value of a 16-bit register word as read from the device. */
  public double fromRaw(int registerWord) {
    int raw = signed ? (short) registerWord : registerWord & 0xFFFF;
    return raw * scale;
  }

  /** Whether {@code raw} fits the 16-bit register under this field's signedness. */
  public boolean fitsRegister(int raw) {
    return signed ? raw >= Short.MIN_VALUE && raw <= Short.MAX_VALUE : raw >= 0 && raw <= 0xFFFF;
  }

  /** Whether the device accepts {@code value} (engineering unit). Allocation-free. */
  public boolean inRange(double value) {
    return range.contains(value);
  }
}
