package org.gaitctl.core.gait;

/** The patient's left or right foot. */
public enum Side {
  LEFT('L'),
  RIGHT('R');

  private final char letter;

  Side(char letter) {
    this.letter = letter;
  }

  /** {@code L} or {@code R}, as in the steps CSV. */
  public char letter() {
    return letter;
  }

  public Side opposite() {
    return this == LEFT ? RIGHT : LEFT;
  }
}
