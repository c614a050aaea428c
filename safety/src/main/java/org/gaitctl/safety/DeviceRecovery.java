package org.gaitctl.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the devices out of their latched faults before a start or an acknowledgement, in an order
 * that can never start the belt: belt commanded off first, then one heartbeat (so the watchdog does
 * not re-trip at once), then FAULT_RESET (which a device obeys only when the cause is gone), then a
 * fresh status read that the supervisor checks for remaining causes. Arms the devices' watchdogs
 * for a start and reads them back.
 *
 * <p>Supervisor thread only; blocks for a few request timeouts at most.
 */
final class DeviceRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceRecovery.class);

  /**
   * Result of {@link #prepare}.
   *
   * @param failure why the devices could not be made ready, or null
   * @param drive fresh drive status
   * @param bws fresh BWS status
   * @param steps the commands sent
   */
  record Prepared(
      String failure, DriveStatus drive, BwsStatus bws, List<SafeStopOutcome.Step> steps) {}

  private final TreadmillDrivePort drive;
  private final BwsPort bws;
  private final DeviceCommands commands;
  private final NanoClock clock;

  DeviceRecovery(TreadmillDrivePort drive, BwsPort bws, DeviceCommands commands, NanoClock clock) {
    this.drive = drive;
    this.bws = bws;
    this.commands = commands;
    this.clock = clock;
  }

  /**
   * Commands the belt off (and, when {@code holdHarness}, the harness held), clears the devices'
   * latches where their causes are gone and reads their status.
   */
  Prepared prepare(boolean holdHarness) {
    List<SafeStopOutcome.Step> steps = new ArrayList<>(9);
    boolean beltOff =
        commands.send(steps, "drive.setRunning(false)", () -> drive.setRunning(false))
            && commands.send(steps, "drive.setSpeed(0)", () -> drive.setSpeed(0));
    if (!beltOff) {
      return failed("the belt could not be commanded off", steps);
    }
    if (holdHarness && !commands.send(steps, "bws.setHold(true)", () -> bws.setHold(true))) {
      return failed("the harness could not be held", steps);
    }
    // Failures of these four show up in the status read below as the causes they leave behind.
    commands.send(steps, "drive.heartbeat()", drive::heartbeat);
    commands.send(steps, "bws.heartbeat()", bws::heartbeat);
    commands.send(steps, "drive.resetFault()", drive::resetFault);
    commands.send(steps, "bws.resetFault()", bws::resetFault);
    return new Prepared(null, readDrive(), readBws(), steps);
  }

  private static Prepared failed(String what, List<SafeStopOutcome.Step> steps) {
    SafeStopOutcome.Step last = steps.get(steps.size() - 1);
    return new Prepared(
        what + ": " + last.command() + " -> " + last.result(),
        DriveStatus.failed(last.result()),
        BwsStatus.failed(last.result()),
        steps);
  }

  /**
   * Result of {@link #armWatchdogs}.
   *
   * @param failure why the watchdogs cannot be trusted to be armed, or null
   * @param watchdogs the timeouts read back after arming, or null on failure
   */
  record Armed(String failure, ArmedWatchdogs watchdogs) {}

  /**
   * Arms both watchdogs and reads them back: a device that acknowledges the write but holds another
   * value (another register map, a write-protected register, another firmware's scaling) would run
   * without the watchdog the controller believes armed.
   */
  Armed armWatchdogs(int timeoutMs) {
    List<SafeStopOutcome.Step> steps = new ArrayList<>(4);
    boolean written =
        commands.send(
                steps, "drive.armWatchdog(" + timeoutMs + ")", () -> drive.armWatchdog(timeoutMs))
            && commands.send(
                steps, "bws.armWatchdog(" + timeoutMs + ")", () -> bws.armWatchdog(timeoutMs));
    if (!written) {
      SafeStopOutcome.Step last = steps.get(steps.size() - 1);
      return new Armed(
          "device watchdog could not be armed: " + last.command() + " -> " + last.result(), null);
    }
    WatchdogReading driveReading = readBack(steps, "drive.readWatchdog()", drive::readWatchdog);
    String failure = mismatch("drive", timeoutMs, driveReading, steps);
    if (failure != null) {
      return new Armed(failure, null);
    }
    WatchdogReading bwsReading = readBack(steps, "bws.readWatchdog()", bws::readWatchdog);
    failure = mismatch("BWS", timeoutMs, bwsReading, steps);
    if (failure != null) {
      return new Armed(failure, null);
    }
    return new Armed(null, new ArmedWatchdogs(driveReading.timeoutMs(), bwsReading.timeoutMs()));
  }

  /** Reads a watchdog register with the commands' retries; a failed read carries its result. */
  private WatchdogReading readBack(
      List<SafeStopOutcome.Step> steps, String command, Supplier<WatchdogReading> read) {
    WatchdogReading[] reading = new WatchdogReading[1];
    boolean ok =
        commands.send(
            steps,
            command,
            () -> {
              reading[0] = read.get();
              return reading[0].result();
            });
    return ok ? reading[0] : WatchdogReading.failed(steps.get(steps.size() - 1).result());
  }

  /** Why a read-back does not confirm the armed timeout, or null when it does. */
  private static String mismatch(
      String device, int armedMs, WatchdogReading reading, List<SafeStopOutcome.Step> steps) {
    if (!reading.result().isOk()) {
      SafeStopOutcome.Step last = steps.get(steps.size() - 1);
      return device
          + " watchdog could not be read back after arming "
          + armedMs
          + " ms: "
          + last.command()
          + " -> "
          + last.result();
    }
    if (reading.timeoutMs() != armedMs) {
      return device
          + " watchdog read back "
          + reading.timeoutMs()
          + " ms after arming "
          + armedMs
          + " ms";
    }
    return null;
  }

  /** The status read by {@link #prepare}, as the supervisor's checks take it. */
  PolledStatus<DriveStatus> driveStatus(Prepared prepared) {
    return asPolled(prepared.drive(), prepared.drive().result());
  }

  PolledStatus<BwsStatus> bwsStatus(Prepared prepared) {
    return asPolled(prepared.bws(), prepared.bws().result());
  }

  private <S> PolledStatus<S> asPolled(S status, CommandResult result) {
    return result.isOk()
        ? PolledStatus.good(status, clock.nanoTime())
        : PolledStatus.<S>none().failed(result);
  }

  private DriveStatus readDrive() {
    try {
      DriveStatus status = drive.readStatus();
      return status == null ? DriveStatus.failed(CommandResult.IO_ERROR) : status;
    } catch (RuntimeException e) {
      LOG.error("drive.readStatus() threw; treated as a failed read", e);
      return DriveStatus.failed(CommandResult.IO_ERROR);
    }
  }

  private BwsStatus readBws() {
    try {
      BwsStatus status = bws.readStatus();
      return status == null ? BwsStatus.failed(CommandResult.IO_ERROR) : status;
    } catch (RuntimeException e) {
      LOG.error("bws.readStatus() threw; treated as a failed read", e);
      return BwsStatus.failed(CommandResult.IO_ERROR);
    }
  }
}
