package org.gaitctl.config.protocol;

import org.gaitctl.config.InvalidSettingException;

/** The value rules the protocol records enforce on construction, named by field. */
final class ProtocolRules {

  private ProtocolRules() {}

  static void requirePositive(String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new InvalidSettingException(field, value, "must be > 0");
    }
  }

  static void requireNonNegative(String field, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new InvalidSettingException(field, value, "must be >= 0");
    }
  }

  static void requirePercent(String field, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new InvalidSettingException(field, value, "must be 0..100");
    }
  }
}
