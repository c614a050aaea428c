package org.gaitctl.sim.hil;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.loop.DeadlineIdleStrategy;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.loop.PeriodicCycle;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.modbus.BwsModel;
import org.gaitctl.sim.modbus.DeviceEventListener;
import org.gaitctl.sim.modbus.DriveModel;
import org.gaitctl.sim.world.SimulationWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulators' event log for the HIL runner (docs/HIL.md, "The event log"): one JSON object a
 * line, each with {@code t}, the emulator's clock in ns ({@code System.nanoTime()} in {@code
 * gaitctl sim}: CLOCK_MONOTONIC on Linux, so another process on the machine shares it). It records
 * every register write the drive and the BWS unit receive except pure heartbeats (counted instead),
 * every injected fault, every latched device fault and watchdog trip, and the devices' state every
 * {@value #SAMPLE_PERIOD_MS} ms.
 *
 * <p>Events arrive on the Modbus, console and simulation threads and are only queued there; the
 * log's own thread ({@code sim-event-log}) samples the devices, writes the queued lines and flushes
 * each period, so a killed emulator loses at most one period.
 */
public final class EventLog implements PeriodicCycle, AutoCloseable {

  static final int SAMPLE_PERIOD_MS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

  private final Queue<String> pending = new ConcurrentLinkedQueue<>();
  private final AtomicLong driveHeartbeats = new AtomicLong();
  private final AtomicLong bwsHeartbeats = new AtomicLong();
  private final Writer out;
  private final NanoClock clock;
  private final SimulationWorld world;
  private final int[] driveHolding = new int[7];
  private final int[] bwsHolding = new int[5];
  private AgentThread thread;
  private volatile IOException writeFailure;

  private EventLog(Writer out, NanoClock clock, SimulationWorld world) {
    this.out = out;
    this.clock = clock;
    this.world = world;
  }

  /**
   * Creates (or truncates) {@code file}, hooks the devices of {@code world} and starts sampling.
   */
  static EventLog start(Path file, NanoClock clock, SimulationWorld world) throws IOException {
    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    EventLog log = new EventLog(writer, clock, world);
    world.drive().setEventListener(log.deviceListener("drive"));
    world.bws().setEventListener(log.deviceListener("bws"));
    PeriodicAgent agent = new PeriodicAgent(log, clock, SAMPLE_PERIOD_MS * 1_000_000L);
    log.thread = AgentThread.start(agent, DeadlineIdleStrategy.forPeriodic(agent, clock));
    return log;
  }

  /** A register write a device accepted (Modbus thread); pure heartbeat writes are counted only. */
  void onWrite(String device, int address, int[] words, int heartbeatAddress) {
    if (address == heartbeatAddress && words.length == 1) {
      (device.equals("drive") ? driveHeartbeats : bwsHeartbeats).incrementAndGet();
      return;
    }
    StringBuilder line = start("write").append(",\"device\":\"").append(device).append('"');
    line.append(",\"address\":").append(address).append(",\"words\":[");
    for (int i = 0; i < words.length; i++) {
      line.append(i == 0 ? "" : ",").append(words[i]);
    }
    pending.add(line.append("]}").toString());
  }

  /** A fault console command that was carried out (console thread). */
  void onInjection(String command) {
    pending.add(
        start("inject").append(",\"command\":").append(quoted(command)).append('}').toString());
  }

  private DeviceEventListener deviceListener(String device) {
    return new DeviceEventListener() {
      @Override
      public void onFaultLatched(long modelTimeNs, int faultCode) {
        pending.add(
            at(modelTimeNs, "latch")
                .append(",\"device\":\"")
                .append(device)
                .append("\",\"code\":")
                .append(faultCode)
                .append('}')
                .toString());
      }

      @Override
      public void onWatchdogTripped(long modelTimeNs) {
        pending.add(
            at(modelTimeNs, "watchdog")
                .append(",\"device\":\"")
                .append(device)
                .append("\"}")
                .toString());
      }
    };
  }

  @Override
  public void doWork(long nowNs) {
    if (writeFailure != null) {
      return;
    }
    try {
      for (String line = pending.poll(); line != null; line = pending.poll()) {
        out.write(line);
        out.write('\n');
      }
      out.write(sample(nowNs));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      writeFailure = e;
      // The runner sees the log end early and fails the expectations that need it.
      LOG.error("event log: write failed, no further events are recorded", e);
    }
  }

  private String sample(long nowNs) {
    DriveModel drive = world.drive();
    BwsModel bws = world.bws();
    drive.readHolding(0, driveHolding.length, driveHolding);
    bws.readHolding(0, bwsHolding.length, bwsHolding);
    int driveControl = driveHolding[0];
    int bwsControl = bwsHolding[0];
    return at(nowNs, "sample")
        .append(
            String.format(
                Locale.ROOT,
                ",\"beltMps\":%.4f,\"beltRightMps\":%.4f,\"speedSetMps\":%.3f,\"run\":%b,\"quickStop\":%b",
                drive.beltSpeedMps(),
                drive.rightBeltSpeedMps(),
                driveHolding[DriveModel.SPEED_SET] / 1000.0,
                (driveControl & DriveModel.RUN) != 0,
                (driveControl & DriveModel.QUICK_STOP) != 0))
        .append(
            String.format(
                Locale.ROOT,
                ",\"driveFaultCode\":%d,\"driveWatchdog\":%b,\"driveHeartbeats\":%d",
                drive.faulted() ? drive.faultCode() : -1,
                drive.watchdogTripped(),
                driveHeartbeats.get()))
        .append(
            String.format(
                Locale.ROOT,
                ",\"bwsEnable\":%b,\"bwsHold\":%b,\"bwsFaultCode\":%d,\"bwsWatchdog\":%b,"
                    + "\"bwsHeartbeats\":%d,\"forceSetN\":%d,\"tensionN\":%.1f,\"cableM\":%.4f}",
                (bwsControl & BwsModel.ENABLE) != 0,
                (bwsControl & BwsModel.HOLD) != 0,
                bws.faulted() ? bws.faultCode() : -1,
                bws.watchdogTripped(),
                bwsHeartbeats.get(),
                bwsHolding[BwsModel.FORCE_SET],
                bws.cableTensionN(),
                bws.cablePaidOutM()))
        .toString();
  }

  private StringBuilder start(String type) {
    return at(clock.nanoTime(), type);
  }

  private static StringBuilder at(long timeNs, String type) {
    return new StringBuilder(160)
        .append("{\"t\":")
        .append(timeNs)
        .append(",\"type\":\"")
        .append(type)
        .append('"');
  }

  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  @Override
  public void onCycleError(Throwable error) {
    LOG.error("event log: sampling failed", error);
  }

  @Override
  public String roleName() {
    return "sim-event-log";
  }

  /** Stops sampling, writes what is still queued and closes the file. */
  @Override
  public void close() throws IOException {
    world.drive().setEventListener(DeviceEventListener.NONE);
    world.bws().setEventListener(DeviceEventListener.NONE);
    if (thread != null) {
      thread.close();
      thread = null;
    }
    try (out) {
      for (String line = pending.poll(); line != null; line = pending.poll()) {
        out.write(line);
        out.write('\n');
      }
    }
  }
}
