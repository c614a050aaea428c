package org.gaitctl.core.pipeline;

/** Whether a measured unloading value may be used to close the unloading loop. */
public enum UnloadingStatus {
  /** The event is not a load sample. */
  NONE,
  /** The filtered value is valid. */
  VALID,
  /** The amplifier is taring; no value until it has finished and the filter has restarted. */
  TARE_IN_PROGRESS,
  /** The load cell reports overload: the true force is at least the reading. */
  OVERLOAD,
  /** Bridge open or sensor fault: the reading means nothing. */
  SENSOR_FAULT
}
