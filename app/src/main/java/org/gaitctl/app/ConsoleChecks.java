package org.gaitctl.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.session.SessionState;
import org.gaitctl.session.checks.PreSessionCheck;

/**
 * The console's pre-session check list on open devices: the protocol for this patient and profile,
 * and what opening the device session and the warm-up already establish, as checks with their
 * measured values. The full check list replaces the one call in {@link ConsoleDevices#prepare}:
 * {@code new PreSessionChecks(session, ProtocolSource.resolve(protocolFileOrName),
 * PatientLimits.forBodyMass(bodyMassKg, devices.limits())).run(() -> false, progress).checks()}.
 */
final class ConsoleChecks {

  static final String PROTOCOL = "Protocol valid for this patient and profile";
  static final String CONNECTED = "Devices connected";
  static final String STREAMS = "Streams steady before motion";
  static final String SUPERVISOR = "Safety supervisor idle, nothing latched";

  private ConsoleChecks() {}

  /** The list after a successful open, warm-up run here; blocking. */
  static List<PreSessionCheck> run(
      DeviceSession session, PreSessionCheck protocol, Consumer<List<PreSessionCheck>> progress) {
    List<PreSessionCheck> list = new ArrayList<>();
    list.add(protocol);
    list.add(
        PreSessionCheck.passed(
            CONNECTED,
            "drive, BWS unit, pressure-belt unit ("
                + session.beltInfo().belts()
                + " belt(s)) and load-cell amplifier answered"));
    list.add(PreSessionCheck.pending(STREAMS));
    list.add(PreSessionCheck.pending(SUPERVISOR));
    progress.accept(List.copyOf(list));
    StreamWarmUp.Result warm = session.warmUp(() -> false);
    // As in `gaitctl session`: streams not steady on a busy PC are a warning, not a refusal; the
    // supervisor stops the belt if data then arrives too late.
    list.set(2, PreSessionCheck.passed(STREAMS, warm.describe()));
    SafetyState safety = session.safety().supervisor().state();
    SessionState control = session.session().state();
    list.set(
        3,
        safety == SafetyState.IDLE && control == SessionState.IDLE
            ? PreSessionCheck.passed(SUPERVISOR, "supervisor " + safety + ", session " + control)
            : PreSessionCheck.failed(
                SUPERVISOR, "supervisor " + safety + ", session " + control + ": acknowledge"));
    progress.accept(List.copyOf(list));
    return List.copyOf(list);
  }

  /** The list when the devices could not be opened. */
  static List<PreSessionCheck> notConnected(String reason) {
    return List.of(
        PreSessionCheck.failed(CONNECTED, reason),
        PreSessionCheck.pending(STREAMS),
        PreSessionCheck.pending(SUPERVISOR));
  }
}
