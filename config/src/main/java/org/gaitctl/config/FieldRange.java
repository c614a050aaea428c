package org.gaitctl.config;

/**
 * The values a device accepts for one register field, in the field's engineering unit, both ends
 * included. Drivers refuse a command outside it before sending anything.
 *
 * @param min lowest accepted value
 * @param max highest accepted value
 */
public record FieldRange(double min, double max) {

  /** Everything a 16-bit register of this scale and signedness can hold. */
  public static FieldRange ofRegister(double scale, boolean signed) {
    int rawMin = signed ? Short.MIN_VALUE : 0;
    int rawMax = signed ? Short.MAX_VALUE : 0xFFFF;
    return new FieldRange(rawMin * scale, rawMax * scale);
  }

  /** Whether {@code value} lies in the range; false for NaN. Allocation-free. */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }
}
