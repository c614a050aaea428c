package org.gaitctl.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.time.NanoClock;

/**
 * Commands the machine into its safe state: belt stopped, harness held.
 *
 * <ol>
 *   <li>Belt, {@link Reaction#CONTROLLED_STOP}: {@code rampToStop(stopDecelMps2)} (the ramp and
 *       speed 0, in one request where the drive allows), {@code setRunning(false)}; if either is
 *       not accepted, the drive's {@code quickStop()}. {@link Reaction#QUICK_STOP}: {@code
 *       quickStop()} at once.
 *   <li>Harness: {@code setHold(true)}. The sequence never lowers the harness and never switches
 *       the BWS force control off: a patient may be hanging in it.
 * </ol>
 *
 * The belt comes first because it is the moving hazard; the BWS keeps its force control on while
 * the belt ramps down, and HOLD then freezes the cable length. Each command is retried within a
 * bounded time ({@link DeviceCommands}); every result is recorded in the {@link SafeStopOutcome}.
 * Whatever fails here, the supervisor has already withdrawn the heartbeat, so the devices' own
 * watchdogs still stop the belt and hold the harness.
 *
 * <p>Supervisor thread only; blocks for at most a few request timeouts.
 */
public final class SafeStopSequence {

  private final NanoClock clock;
  private final DeviceCommands commands;

  // The commands and their names are made once, here: a stop runs once a session, so anything it
  // built itself (string concatenation, a lambda) would be linked by the JVM the first time, while
  // the belt waits for it.
  private final String rampToStopName;
  private final Supplier<CommandResult> rampToStop;
  private final Supplier<CommandResult> runOff;
  private final Supplier<CommandResult> hold;
  private final Supplier<CommandResult> quickStop;

  public SafeStopSequence(
      TreadmillDrivePort drive,
      BwsPort bws,
      SafetyLimits limits,
      SupervisorSettings settings,
      NanoClock clock) {
    this.clock = clock;
    this.commands = new DeviceCommands(clock, settings);
    double stopDecelMps2 = limits.stopDecelMps2();
    this.rampToStopName = "drive.rampToStop(" + stopDecelMps2 + ")";
    this.rampToStop = () -> drive.rampToStop(stopDecelMps2);
    this.runOff = () -> drive.setRunning(false);
    this.hold = () -> bws.setHold(true);
    this.quickStop = drive::quickStop;
  }

  /** Runs the sequence for {@code reaction}. Never throws for a device fault. */
  public SafeStopOutcome execute(Reaction reaction) {
    long startedNs = clock.nanoTime();
    List<SafeStopOutcome.Step> steps = new ArrayList<>(5);
    boolean beltStopCommanded = false;
    if (reaction == Reaction.CONTROLLED_STOP) {
      beltStopCommanded =
          commands.send(steps, rampToStopName, rampToStop)
              && commands.send(steps, "drive.setRunning(false)", runOff);
    }
    boolean quickStopUsed = false;
    if (!beltStopCommanded) {
      quickStopUsed = true;
      beltStopCommanded = commands.send(steps, "drive.quickStop()", quickStop);
    }
    boolean holdCommanded = commands.send(steps, "bws.setHold(true)", hold);
    long nowNs = clock.nanoTime();
    return new SafeStopOutcome(
        reaction, steps, beltStopCommanded, quickStopUsed, holdCommanded, startedNs, nowNs, false);
  }

  /**
   * The drive's quick stop, for escalating a controlled stop that did not bring the belt to rest.
   */
  SafeStopOutcome.Step quickStop() {
    return commands.send("drive.quickStop()", quickStop);
  }
}
