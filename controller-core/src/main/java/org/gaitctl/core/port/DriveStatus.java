package org.gaitctl.core.port;

/**
 * One read of the drive's status block, in engineering units.
 *
 * @param result whether the read succeeded; when not OK the other fields are zero/false
 * @param running belt running (RUN accepted and not faulted)
 * @param fault a fault is latched
 * @param estopOpen the e-stop chain is open
 * @param safetyKeyOut the patient's safety key is pulled
 * @param watchdogTripped the communication watchdog tripped
 * @param atSpeed actual speed has reached the setpoint
 * @param split independent belt speeds active
 * @param speedMps actual speed of the (left) belt, m/s
 * @param speedRightMps actual speed of the right belt, m/s
 * @param inclinePercent actual incline, percent grade
 * @param faultCode device fault code (0 none; see the wire protocol spec)
 */
public record DriveStatus(
    CommandResult result,
    boolean running,
    boolean fault,
    boolean estopOpen,
    boolean safetyKeyOut,
    boolean watchdogTripped,
    boolean atSpeed,
    boolean split,
    double speedMps,
    double speedRightMps,
    double inclinePercent,
    int faultCode) {

  public static DriveStatus failed(CommandResult result) {
    return new DriveStatus(result, false, false, false, false, false, false, false, 0, 0, 0, 0);
  }
}
