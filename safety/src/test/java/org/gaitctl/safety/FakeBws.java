package org.gaitctl.safety;

import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.WatchdogReading;
import org.gaitctl.core.time.ManualNanoClock;

/** An in-memory BWS unit for unit tests (a fake port, not a protocol). */
public final class FakeBws extends FakeDevice implements BwsPort {

  public boolean enabled = true;
  public boolean holding;
  public boolean fault;
  public int faultCode;
  public boolean overload;
  public boolean watchdogTripped;
  public double forceN = 200;

  /** The watchdog register, as {@link #readWatchdog} reads it back. */
  public int watchdogMs;

  /** Accepts writes of the watchdog register but keeps the old value (a wrong register map). */
  public boolean ignoresWatchdogWrites;

  public FakeBws(ManualNanoClock clock) {
    super(clock);
  }

  @Override
  public CommandResult setForce(double unloadingN) {
    return call("setForce(" + unloadingN + ")");
  }

  @Override
  public CommandResult setForceRate(double rateNPerS) {
    return call("setForceRate(" + rateNPerS + ")");
  }

  @Override
  public CommandResult setEnabled(boolean enabled) {
    CommandResult result = call("setEnabled(" + enabled + ")");
    if (result.isOk()) {
      this.enabled = enabled;
    }
    return result;
  }

  @Override
  public CommandResult setHold(boolean hold) {
    CommandResult result = call("setHold(" + hold + ")");
    if (result.isOk()) {
      holding = hold;
    }
    return result;
  }

  @Override
  public CommandResult resetFault() {
    CommandResult result = call("resetFault()");
    if (result.isOk() && !overload) {
      fault = false;
      faultCode = 0;
      watchdogTripped = false;
    }
    return result;
  }

  @Override
  public CommandResult armWatchdog(int timeoutMs) {
    CommandResult result = call("armWatchdog(" + timeoutMs + ")");
    if (result.isOk() && !ignoresWatchdogWrites) {
      watchdogMs = timeoutMs;
    }
    return result;
  }

  @Override
  public WatchdogReading readWatchdog() {
    CommandResult result = call("readWatchdog()");
    return result.isOk() ? WatchdogReading.of(watchdogMs) : WatchdogReading.failed(result);
  }

  @Override
  public CommandResult heartbeat() {
    return call("heartbeat()");
  }

  @Override
  public BwsStatus readStatus() {
    CommandResult result = call("readStatus()");
    if (!result.isOk()) {
      return BwsStatus.failed(result);
    }
    return new BwsStatus(
        result, enabled, fault, holding, watchdogTripped, overload, false, forceN, 0.5, faultCode);
  }

  @Override
  public void close() {
    call("close()");
  }
}
