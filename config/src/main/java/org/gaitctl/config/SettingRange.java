package org.gaitctl.config;

/**
 * The values a setting accepts, both ends included: the one definition of that range, used by the
 * setting's constructor, its YAML reader and any command-line option that sets it.
 *
 * @param min lowest accepted value
 * @param max highest accepted value
 */
public record SettingRange(double min, double max) {

  public SettingRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException("range " + min + ".." + max + ": min must be <= max");
    }
  }

  /** Whether {@code value} lies in the range; false for NaN. */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  /**
   * @throws InvalidSettingException naming {@code field} if {@code value} is outside the range
   */
  public void require(String field, double value) {
    if (!contains(value)) {
      throw new InvalidSettingException(field, value, "must be " + this);
    }
  }

  /** {@code 20..300}, as configuration errors print it. */
  @Override
  public String toString() {
    return NumberText.range(min, max);
  }
}
