package org.gaitctl.config;

/** The Modbus table a register lives in. */
public enum RegisterTable {
  /** Read FC 3, write FC 6 / FC 16. */
  HOLDING,
  /** Read FC 4. */
  INPUT
}
