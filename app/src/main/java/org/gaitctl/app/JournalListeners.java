package org.gaitctl.app;

import org.gaitctl.core.journal.JournalSink;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.FaultRecord;
import org.gaitctl.safety.SafetyListener;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.session.SessionCommand;
import org.gaitctl.session.SessionListener;
import org.gaitctl.session.SessionState;
import org.gaitctl.session.protocol.OperatorRequest;
import org.gaitctl.session.protocol.ProtocolListener;
import org.gaitctl.session.protocol.TherapistOverride;

/**
 * Writes what the supervisor, the session control and the protocol executor report into the session
 * journal: safety states and faults (allocation-free on the supervisor's thread: enum names and the
 * fault's own detail), session states, refused commands, protocol stages, pauses and overrides.
 */
final class JournalListeners implements SafetyListener, SessionListener, ProtocolListener {

  private final JournalSink sink;
  private final NanoClock clock;

  JournalListeners(JournalSink sink, NanoClock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void onStateChanged(SafetyState from, SafetyState to, long nowNs) {
    sink.safetyState(nowNs, from.name(), to.name());
  }

  @Override
  public void onFault(FaultRecord fault, boolean first) {
    sink.fault(fault.timeNs(), fault.code().id(), fault.detail());
  }

  @Override
  public void onStateChanged(SessionState from, SessionState to, String reason) {
    sink.operatorAction(clock.nanoTime(), "session " + from + " -> " + to + ": " + reason);
  }

  @Override
  public void onCommandRefused(SessionCommand command, String reason) {
    sink.command(clock.nanoTime(), command.toString(), Double.NaN, "REFUSED: " + reason);
  }

  @Override
  public void onStageStarted(int index, String name) {
    sink.protocolStage(clock.nanoTime(), index, name);
  }

  @Override
  public void onRequestRefused(OperatorRequest request, String reason) {
    sink.command(
        clock.nanoTime(),
        request == null ? "protocol command" : request.toString(),
        Double.NaN,
        "REFUSED: " + reason);
  }

  @Override
  public void onOverride(TherapistOverride override) {
    sink.operatorAction(clock.nanoTime(), "override " + override);
  }

  @Override
  public void onPaused(boolean paused) {
    sink.operatorAction(clock.nanoTime(), paused ? "pause" : "resume");
  }
}
