package org.gaitctl.core.command;

import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.WatchdogReading;

/**
 * The BWS unit as the {@link CommandGate} lets callers see it: unloading setpoint and rate checked
 * first, and every command that can move the patient (unloading, enable, HOLD off) only with the
 * supervisor's {@link MotionPermit}; HOLD on, resets, heartbeats and reads passed straight on.
 */
final class GatedBws implements BwsPort {

  private final CommandGate gate;
  private final BwsPort bws;

  GatedBws(CommandGate gate, BwsPort bws) {
    this.gate = gate;
    this.bws = bws;
  }

  @Override
  public CommandResult setForce(double unloadingN) {
    if (!gate.checkMotion("bws.setForce", unloadingN)
        || !gate.checkForce("bws.setForce", unloadingN)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(bws.setForce(unloadingN));
    if (result.isOk()) {
      gate.forcePassed(unloadingN);
    }
    holdIfWithdrawn("bws.setForce");
    return result;
  }

  @Override
  public CommandResult setForceRate(double rateNPerS) {
    return gate.checkForceRate("bws.setForceRate", rateNPerS)
        ? passed(bws.setForceRate(rateNPerS))
        : CommandResult.REFUSED;
  }

  @Override
  public CommandResult setEnabled(boolean enabled) {
    if (!gate.checkMotion("bws.setEnabled", enabled ? 1 : 0)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(bws.setEnabled(enabled));
    holdIfWithdrawn("bws.setEnabled");
    return result;
  }

  @Override
  public CommandResult setHold(boolean hold) {
    if (!hold && !gate.checkMotion("bws.setHold", 0)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(bws.setHold(hold));
    if (!hold) {
      holdIfWithdrawn("bws.setHold(false)");
    }
    return result;
  }

  @Override
  public CommandResult resetFault() {
    return passed(bws.resetFault());
  }

  @Override
  public CommandResult armWatchdog(int timeoutMs) {
    return gate.checkWatchdog("bws.armWatchdog", timeoutMs)
        ? passed(bws.armWatchdog(timeoutMs))
        : CommandResult.REFUSED;
  }

  @Override
  public WatchdogReading readWatchdog() {
    return bws.readWatchdog();
  }

  @Override
  public CommandResult heartbeat() {
    return bws.heartbeat();
  }

  @Override
  public BwsStatus readStatus() {
    return bws.readStatus();
  }

  @Override
  public DeviceCounters counters() {
    return bws.counters();
  }

  private void holdIfWithdrawn(String command) {
    if (gate.motionWithdrawn()) {
      gate.commandedSafeAgain(command, "bws.setHold(true)", bws.setHold(true));
    }
  }

  /** The driver stays open: its owner closes it. */
  @Override
  public void close() {}

  private CommandResult passed(CommandResult result) {
    gate.passed();
    return result;
  }
}
