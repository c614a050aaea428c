package org.gaitctl.config;

/**
 * A setting object was given a value its invariants refuse. Carries the field and the broken rule
 * separately, so a YAML reader can print the rule at the line of the field.
 */
public final class InvalidSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  public InvalidSettingException(String field, double value, String rule) {
    super(field + " = " + (Double.isFinite(value) ? NumberText.format(value) : value) + " " + rule);
    this.field = field;
    this.rule = rule;
  }

  /** The field's name as written in a profile, e.g. {@code deviceWatchdogMs}. */
  public String field() {
    return field;
  }

  /** The broken rule, e.g. {@code must be 100..1000}. */
  public String rule() {
    return rule;
  }
}
