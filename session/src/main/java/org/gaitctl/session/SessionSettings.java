package org.gaitctl.session;

/**
 * How a session moves the machine. Validated on construction.
 *
 * @param cyclePeriodMs the session thread's period, ms; each cycle moves the setpoints one step
 * @param beltAccelMps2 belt ramp for starts and speed changes, m/s² (the drive's ACCEL too; capped
 *     by the profile's maxAccelMps2)
 * @param takeUpRateNPerS unloading ramp, N/s (capped by the profile's maxForceRateNPerS): the
 *     closed unloading loop's commands move at this rate too, so it is the profile's rate; the
 *     supervisor judges the fall sign against the unloading commanded, not a fixed rise
 * @param takeUpToleranceN unloading within this of its target counts as reached, N (or 10 % of the
 *     target when larger)
 * @param takeUpMarginS time beyond the ramp an unloading may take to be reached, s
 * @param harnessSlackN below this cable tension nobody hangs in the harness, N: it may be released
 *     without taking its load over first
 * @param supervisorAnswerMs how long the supervisor may take to answer a start or acknowledge, ms
 */
public record SessionSettings(
    int cyclePeriodMs,
    double beltAccelMps2,
    double takeUpRateNPerS,
    double takeUpToleranceN,
    double takeUpMarginS,
    double harnessSlackN,
    int supervisorAnswerMs) {

  public SessionSettings {
    positive("cyclePeriodMs", cyclePeriodMs);
    positive("beltAccelMps2", beltAccelMps2);
    positive("takeUpRateNPerS", takeUpRateNPerS);
    positive("takeUpToleranceN", takeUpToleranceN);
    positive("takeUpMarginS", takeUpMarginS);
    positive("harnessSlackN", harnessSlackN);
    positive("supervisorAnswerMs", supervisorAnswerMs);
  }

  /**
   * 20 ms cycles (the unloading loop's 50 Hz, one FORCE_SET per Modbus round trip), 0.5 m/s², 50
   * N/s, 10 N, 5 s, 20 N, 5 s.
   */
  public static SessionSettings defaults() {
    return new SessionSettings(20, 0.5, 200, 10, 5, 20, 5_000);
  }

  long cyclePeriodNs() {
    return cyclePeriodMs * 1_000_000L;
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "session setting " + name + " = " + value + " must be finite and > 0");
    }
  }
}
