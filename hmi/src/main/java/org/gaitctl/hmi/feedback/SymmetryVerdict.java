package org.gaitctl.hmi.feedback;

/** Where the latest symmetry stands against the protocol's zone. */
public enum SymmetryVerdict {
  /** |SI| at or below the protocol's bound. */
  IN_ZONE,
  /** |SI| above the protocol's bound: the weaker side is named. */
  OUT_OF_ZONE,
  /** No meaningful index yet: a side without a step, or values below the quantity's floor. */
  NO_VALUE,
  /** The protocol sets no symmetry zone: the bar is not shown. */
  NO_TARGET
}
