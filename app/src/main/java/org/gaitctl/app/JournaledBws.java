package org.gaitctl.app;

import org.gaitctl.core.journal.JournalSink;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.WatchdogReading;
import org.gaitctl.core.time.NanoClock;

/** The BWS unit with every command and its result journaled, as {@link JournaledDrive}. */
final class JournaledBws implements BwsPort {

  private final BwsPort bws;
  private final JournalSink sink;
  private final NanoClock clock;

  JournaledBws(BwsPort bws, JournalSink sink, NanoClock clock) {
    this.bws = bws;
    this.sink = sink;
    this.clock = clock;
  }

  private CommandResult record(String command, double argument, CommandResult result) {
    sink.command(clock.nanoTime(), command, argument, result.name());
    return result;
  }

  @Override
  public CommandResult setForce(double unloadingN) {
    return record("bws.setForce", unloadingN, bws.setForce(unloadingN));
  }

  @Override
  public CommandResult setForceRate(double rateNPerS) {
    return record("bws.setForceRate", rateNPerS, bws.setForceRate(rateNPerS));
  }

  @Override
  public CommandResult setEnabled(boolean enabled) {
    return record("bws.setEnabled", enabled ? 1 : 0, bws.setEnabled(enabled));
  }

  @Override
  public CommandResult setHold(boolean hold) {
    return record("bws.setHold", hold ? 1 : 0, bws.setHold(hold));
  }

  @Override
  public CommandResult resetFault() {
    return record("bws.resetFault", Double.NaN, bws.resetFault());
  }

  @Override
  public CommandResult armWatchdog(int timeoutMs) {
    return record("bws.armWatchdog", timeoutMs, bws.armWatchdog(timeoutMs));
  }

  @Override
  public CommandResult heartbeat() {
    CommandResult result = bws.heartbeat();
    if (!result.isOk()) {
      record("bws.heartbeat", Double.NaN, result);
    }
    return result;
  }

  @Override
  public BwsStatus readStatus() {
    BwsStatus status = bws.readStatus();
    if (status != null && !status.result().isOk()) {
      record("bws.readStatus", Double.NaN, status.result());
    }
    return status;
  }

  @Override
  public DeviceCounters counters() {
    return bws.counters();
  }

  /** The unit is the session's to close, not this view's. */
  @Override
  public void close() {}

  /** A read, not a command: passed through unrecorded. */
  @Override
  public WatchdogReading readWatchdog() {
    return bws.readWatchdog();
  }
}
