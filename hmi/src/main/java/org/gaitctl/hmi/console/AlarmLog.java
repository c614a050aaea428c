package org.gaitctl.hmi.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.gaitctl.safety.FaultRecord;
import org.gaitctl.safety.SafetyState;

/**
 * Every fault the supervisor reported in this console, newest first, and whether one is latched. A
 * fault stays in the list for the whole console run (the console never hides one); it is latched
 * from its report until the supervisor is seen back in {@link SafetyState#IDLE} after a latch,
 * which only an accepted acknowledgement does. EDT only.
 */
public final class AlarmLog {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final long originEpochMs;
  private final long originNs;
  private final ZoneId zone;
  private final List<AlarmRow> rows = new ArrayList<>();
  private boolean latched;
  private boolean supervisorLatched;

  /**
   * @param originEpochMs wall-clock time at {@code originNs}, ms since the epoch
   * @param originNs the supervisor's clock at the same moment, ns
   * @param zone the zone the times are shown in
   */
  public AlarmLog(long originEpochMs, long originNs, ZoneId zone) {
    this.originEpochMs = originEpochMs;
    this.originNs = originNs;
    this.zone = zone;
  }

  /** A fault as the supervisor reported it; {@code first}: the one that stopped the session. */
  public void onFault(FaultRecord fault, boolean first) {
    long epochMs = originEpochMs + Math.floorDiv(fault.timeNs() - originNs, 1_000_000L);
    String time = TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    String cause =
        fault.code().description() + (fault.detail().isEmpty() ? "" : ": " + fault.detail());
    rows.add(0, new AlarmRow(fault.code().id(), cause, time, first, false));
    latched = true;
  }

  /**
   * The supervisor's state as polled: a latch seen to end (back in IDLE) is an accepted
   * acknowledgement, and clears every fault reported before it.
   */
  public void onSafetyState(SafetyState state) {
    if (state == SafetyState.STOPPING || state == SafetyState.SAFE_STOP_LATCHED) {
      supervisorLatched = true;
    } else if (state == SafetyState.IDLE && supervisorLatched) {
      supervisorLatched = false;
      acknowledgeAll();
    }
  }

  /** Whether a reported fault waits for acknowledgement: Start is blocked meanwhile. */
  public boolean latched() {
    return latched || supervisorLatched;
  }

  /** Newest first. */
  public List<AlarmRow> rows() {
    return List.copyOf(rows);
  }

  private void acknowledgeAll() {
    rows.replaceAll(r -> new AlarmRow(r.code(), r.cause(), r.time(), r.stoppedSession(), true));
    latched = false;
  }
}
