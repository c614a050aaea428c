package org.gaitctl.safety;

/**
 * One fault as the supervisor saw it.
 *
 * @param code what went wrong
 * @param timeNs supervisor time of detection ({@link org.gaitctl.core.time.NanoClock})
 * @param measured the value that crossed the threshold, in {@link FaultCode#unit()} (NaN if none)
 * @param limit the threshold it crossed, same unit (NaN if none)
 * @param detail human-readable detail naming the value and the threshold
 */
public record FaultRecord(
    FaultCode code, long timeNs, double measured, double limit, String detail) {

  @Override
  public String toString() {
    return code.id() + " " + code.description() + (detail.isEmpty() ? "" : ": " + detail);
  }
}
