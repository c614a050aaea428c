package org.gaitctl.safety;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gaitctl.core.counters.CounterSet;
import org.gaitctl.core.loop.PeriodicCycle;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one device's status each cycle and, while the {@link HeartbeatPermit} is granted, feeds the
 * device's communication watchdog. Runs on its own thread because a port call may block for its
 * request timeout; the supervisor only reads {@link #latest()}, so a silent device never delays the
 * supervisor's other checks.
 *
 * @param <S> the device's status type
 */
public final class StatusPoller<S> implements PeriodicCycle, StatusSource<S> {

  private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);

  private final String name;
  private final Supplier<S> readStatus;
  private final Function<S, CommandResult> resultOf;
  private final Supplier<CommandResult> heartbeat;
  private final HeartbeatPermit permit;
  private final NanoClock clock;
  private final CounterSet<PollerCounter> counters;
  private volatile PolledStatus<S> latest = PolledStatus.none();
  private volatile GoodReadListener<S> goodReadListener = (status, readNs) -> {};

  /**
   * Told of every good status read on the poller's thread, e.g. to publish it into the ring (belt
   * speed for step length, harness state for the live view). Must not block.
   *
   * @param <S> the device's status type
   */
  @FunctionalInterface
  public interface GoodReadListener<S> {
    void onGoodRead(S status, long readNs);
  }

  private StatusPoller(
      String name,
      Supplier<S> readStatus,
      Function<S, CommandResult> resultOf,
      Supplier<CommandResult> heartbeat,
      HeartbeatPermit permit,
      NanoClock clock) {
    this.name = name;
    this.readStatus = readStatus;
    this.resultOf = resultOf;
    this.heartbeat = heartbeat;
    this.permit = permit;
    this.clock = clock;
    this.counters = new CounterSet<>(name, PollerCounter.class);
  }

  public static StatusPoller<DriveStatus> forDrive(
      TreadmillDrivePort drive, HeartbeatPermit permit, NanoClock clock) {
    return new StatusPoller<>(
        "drive-poller", drive::readStatus, DriveStatus::result, drive::heartbeat, permit, clock);
  }

  public static StatusPoller<BwsStatus> forBws(
      BwsPort bws, HeartbeatPermit permit, NanoClock clock) {
    return new StatusPoller<>(
        "bws-poller", bws::readStatus, BwsStatus::result, bws::heartbeat, permit, clock);
  }

  /** One poll: read the status, then heartbeat if permitted. Poller thread only; may block. */
  @Override
  public void doWork(long nowNs) {
    S status = readStatus.get();
    long readNs = clock.nanoTime();
    CommandResult result = status == null ? CommandResult.IO_ERROR : resultOf.apply(status);
    latest = result.isOk() ? PolledStatus.good(status, readNs) : latest.failed(result);
    counters.incrementOrdered(PollerCounter.READS);
    if (!result.isOk()) {
      counters.incrementOrdered(PollerCounter.READ_FAILURES);
    }
    if (permit.isGranted(readNs)) {
      CommandResult fed = heartbeat.get();
      counters.incrementOrdered(PollerCounter.HEARTBEATS_SENT);
      if (!fed.isOk()) {
        counters.incrementOrdered(PollerCounter.HEARTBEAT_FAILURES);
      }
    }
    if (result.isOk()) {
      tellListener(status, readNs);
    }
  }

  /**
   * After the heartbeat, and on its own: a display feed that fails must never cost a heartbeat or
   * make a good read look failed (which would raise "unreachable").
   */
  private void tellListener(S status, long readNs) {
    try {
      goodReadListener.onGoodRead(status, readNs);
    } catch (RuntimeException e) {
      counters.incrementOrdered(PollerCounter.LISTENER_ERRORS);
      LOG.error("{}: good-read listener threw; the status was read and the device fed", name, e);
    }
  }

  /**
   * A port broke its contract and threw: counted as a failed read, so the supervisor sees the
   * device as unreachable after {@link SupervisorSettings#unreachableAfterFailures()} of them.
   */
  @Override
  public void onCycleError(Throwable error) {
    latest = latest.failed(CommandResult.IO_ERROR);
    counters.incrementOrdered(PollerCounter.READS);
    counters.incrementOrdered(PollerCounter.READ_FAILURES);
    LOG.error(
        "{}: device port threw instead of returning a status; counted as a failed read",
        name,
        error);
  }

  @Override
  public String roleName() {
    return name;
  }

  /** Sets the listener told of every good read; before the poller's thread starts. */
  public void setGoodReadListener(GoodReadListener<S> listener) {
    goodReadListener = Objects.requireNonNull(listener, "listener");
  }

  /** Latest status; any thread, never blocks. */
  @Override
  public PolledStatus<S> latest() {
    return latest;
  }

  /** Heartbeats sent (permitted), any thread. */
  public long heartbeatsSent() {
    return counters.get(PollerCounter.HEARTBEATS_SENT);
  }

  /** Heartbeats the device did not accept, any thread. */
  public long heartbeatFailures() {
    return counters.get(PollerCounter.HEARTBEAT_FAILURES);
  }

  /** Reads, failed reads, heartbeats; any thread. */
  public CounterSet<PollerCounter> counters() {
    return counters;
  }
}
