package org.gaitctl.core.port;

/**
 * One read of the BWS unit's status block, in engineering units.
 *
 * @param result whether the read succeeded; when not OK the other fields are zero/false
 * @param forceN the unit's own force sensor, N
 * @param cablePositionM cable paid out, m
 * @param faultCode device fault code (0 none; see the wire protocol spec)
 */
public record BwsStatus(
    CommandResult result,
    boolean enabled,
    boolean fault,
    boolean holding,
    boolean watchdogTripped,
    boolean overload,
    boolean slack,
    double forceN,
    double cablePositionM,
    int faultCode) {

  public static BwsStatus failed(CommandResult result) {
    return new BwsStatus(result, false, false, false, false, false, false, 0, 0, 0);
  }
}
