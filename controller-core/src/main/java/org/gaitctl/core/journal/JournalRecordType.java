package org.gaitctl.core.journal;

/**
 * The record types of a session journal, with the number each has on disk (docs/JOURNAL.md gives
 * every payload byte for byte). Numbers, once written, never change; a reader skips a type it does
 * not know (its CRC still checks).
 */
public enum JournalRecordType {
  /** A key and a text value: device profile, protocol, patient, software version, start time. */
  METADATA(1),
  /** A pressure frame exactly as it was published to the ring (cells raw or deflated). */
  PRESSURE_FRAME(2),
  /** Per-foot force, centre of pressure and contact area the gait analysis derived from a frame. */
  FOOT_CONTACT(3),
  /** A load-cell sample as published to the ring, with the filtered unloading derived from it. */
  LOAD_SAMPLE(4),
  /** A good drive status read as published to the ring. */
  DRIVE_STATUS(5),
  /** A good BWS status read as published to the ring. */
  BWS_STATUS(6),
  /** A control clock tick as published to the ring. */
  CONTROL_TICK(7),
  /** An operator command carried through the ring. */
  RING_OPERATOR_COMMAND(8),
  /** A heel strike or toe off. */
  GAIT_EVENT(9),
  /** A completed step. */
  STEP(10),
  /** A command to a device and its result (refusals included). */
  COMMAND(20),
  /** The protocol executor entered a stage. */
  PROTOCOL_STAGE(21),
  /** Something the operator did (start, pause, stop, acknowledge, override). */
  OPERATOR_ACTION(22),
  /** A fault the safety supervisor raised. */
  FAULT(23),
  /** The safety state changed. */
  SAFETY_STATE(24),
  /**
   * The pressure belt's geometry as its unit announced it (DEVICE_INFO): what the gait analysis
   * computed forces and centres of pressure with, so that a replay can compute the same.
   */
  PRESSURE_GRID(25),
  /**
   * The live steps table ({@code steps.csv}): opened at its time origin, closed with the rows it
   * holds; a replay reproduces it from these.
   */
  STEPS_TABLE(26),
  /** The writer's running total of records lost to a full hand-off buffer, when it grew. */
  RECORDS_LOST(30);

  private static final JournalRecordType[] BY_CODE = new JournalRecordType[256];

  static {
    for (JournalRecordType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;

  JournalRecordType(int code) {
    this.code = code;
  }

  /** The type's number on disk (u16). */
  public int code() {
    return code;
  }

  /** The type numbered {@code code}, or {@code null} for a number this version does not know. */
  public static JournalRecordType ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
