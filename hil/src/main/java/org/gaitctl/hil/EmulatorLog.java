package org.gaitctl.hil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.gaitctl.sim.modbus.BwsModel;
import org.gaitctl.sim.modbus.DriveModel;

/**
 * The emulators' event log ({@code gaitctl sim --event-log}, format in docs/HIL.md) as read by the
 * runner: device state samples, register writes on the wire, injections, latched faults and
 * watchdog trips, all on the emulator's clock ({@code System.nanoTime()}, shared with the runner).
 * Lines are added as the file grows; a last line cut short by a kill is left out.
 */
public final class EmulatorLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The devices' state at one instant. */
  public record Sample(
      long timeNs,
      double beltMps,
      double beltRightMps,
      double speedSetMps,
      boolean run,
      int driveFaultCode,
      boolean driveWatchdog,
      boolean bwsEnable,
      boolean bwsHold,
      int bwsFaultCode,
      boolean bwsWatchdog,
      double tensionN,
      double cableM) {

    /** The faster belt's speed, m/s. */
    public double fastestBeltMps() {
      return Math.max(beltMps, beltRightMps);
    }

    /** The harness braked at its length: HOLD commanded or a latched BWS fault. */
    public boolean harnessHeld() {
      return bwsHold || bwsFaultCode >= 0;
    }
  }

  /** One register write a device accepted. */
  public record Write(long timeNs, String device, int address, int[] words) {

    /** The word written to {@code register}, or -1 when the write did not cover it. */
    int word(int register) {
      int index = register - address;
      return index >= 0 && index < words.length ? words[index] : -1;
    }
  }

  /** An injection, a latched fault or a watchdog trip. */
  public record Event(long timeNs, String type, String device, int code, String command) {}

  private final List<Sample> samples = new ArrayList<>();
  private final List<Write> writes = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();

  /** Reads a whole log file. */
  public static EmulatorLog read(Path file) throws IOException {
    EmulatorLog log = new EmulatorLog();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        log.add(line);
      }
    }
    return log;
  }

  /** Adds one line; a line that is not a whole JSON object (cut short by a kill) is skipped. */
  public void add(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      return;
    }
    if (node == null || !node.has("t") || !node.has("type")) {
      return;
    }
    long t = node.get("t").asLong();
    String type = node.get("type").asText();
    switch (type) {
      case "sample" -> samples.add(sample(t, node));
      case "write" -> writes.add(write(t, node));
      default ->
          events.add(
              new Event(
                  t,
                  type,
                  node.path("device").asText(""),
                  node.path("code").asInt(-1),
                  node.path("command").asText("")));
    }
  }

  private static Sample sample(long t, JsonNode n) {
    return new Sample(
        t,
        n.path("beltMps").asDouble(),
        n.path("beltRightMps").asDouble(),
        n.path("speedSetMps").asDouble(),
        n.path("run").asBoolean(),
        n.path("driveFaultCode").asInt(-1),
        n.path("driveWatchdog").asBoolean(),
        n.path("bwsEnable").asBoolean(),
        n.path("bwsHold").asBoolean(),
        n.path("bwsFaultCode").asInt(-1),
        n.path("bwsWatchdog").asBoolean(),
        n.path("tensionN").asDouble(),
        n.path("cableM").asDouble());
  }

  private static Write write(long t, JsonNode n) {
    JsonNode words = n.path("words");
    int[] values = new int[words.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = words.get(i).asInt();
    }
    return new Write(t, n.path("device").asText(), n.path("address").asInt(), values);
  }

  public List<Sample> samples() {
    return Collections.unmodifiableList(samples);
  }

  public List<Write> writes() {
    return Collections.unmodifiableList(writes);
  }

  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }

  /** The first sample at or after {@code fromNs} that matches, or {@code null}. */
  public Sample firstSample(long fromNs, Predicate<Sample> condition) {
    for (Sample sample : samples) {
      if (sample.timeNs() >= fromNs && condition.test(sample)) {
        return sample;
      }
    }
    return null;
  }

  /** The last sample before {@code ns}, or {@code null}. */
  public Sample lastSampleBefore(long ns) {
    Sample last = null;
    for (Sample sample : samples) {
      if (sample.timeNs() >= ns) {
        break;
      }
      last = sample;
    }
    return last;
  }

  /** When the first event of {@code type} (for {@code device}, or any when empty) came. */
  public OptionalLong firstEvent(long fromNs, String type, String device) {
    for (Event event : events) {
      if (event.timeNs() >= fromNs
          && event.type().equals(type)
          && (device.isEmpty() || event.device().equals(device))) {
        return OptionalLong.of(event.timeNs());
      }
    }
    return OptionalLong.empty();
  }

  /** When the emulators carried out the console command {@code command} first, if logged. */
  public OptionalLong injection(String command) {
    for (Event event : events) {
      if (event.type().equals("inject") && event.command().equals(command)) {
        return OptionalLong.of(event.timeNs());
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The first stop the drive was commanded at or after {@code fromNs}: a CONTROL write with
   * QUICK_STOP set or RUN cleared, or a SPEED_SET below the one written before it (the first step
   * of a controlled ramp down).
   */
  public OptionalLong firstStopCommand(long fromNs) {
    int lastSpeedSet = -1;
    for (Write write : writes) {
      if (!write.device().equals("drive")) {
        continue;
      }
      int control = write.word(0);
      int speedSet = write.word(DriveModel.SPEED_SET);
      boolean stop =
          (control >= 0
                  && ((control & DriveModel.QUICK_STOP) != 0 || (control & DriveModel.RUN) == 0))
              || (speedSet >= 0 && lastSpeedSet >= 0 && speedSet < lastSpeedSet);
      if (write.timeNs() >= fromNs && stop) {
        return OptionalLong.of(write.timeNs());
      }
      if (speedSet >= 0) {
        lastSpeedSet = speedSet;
      }
    }
    return OptionalLong.empty();
  }

  /** The first HOLD written to the BWS unit's CONTROL at or after {@code fromNs}. */
  public OptionalLong firstHoldCommand(long fromNs) {
    for (Write write : writes) {
      int control = write.word(0);
      if (write.timeNs() >= fromNs
          && write.device().equals("bws")
          && control >= 0
          && (control & BwsModel.HOLD) != 0) {
        return OptionalLong.of(write.timeNs());
      }
    }
    return OptionalLong.empty();
  }

  /**
   * When the belt began to slow after {@code fromNs}: the first sample more than 0.01 m/s below the
   * speed of the last sample before {@code fromNs}; empty when it never did or stood already.
   */
  public OptionalLong beltFallOnset(long fromNs) {
    Sample before = lastSampleBefore(fromNs);
    if (before == null || before.fastestBeltMps() < 0.02) {
      return OptionalLong.empty();
    }
    Sample slower = firstSample(fromNs, s -> s.fastestBeltMps() < before.fastestBeltMps() - 0.01);
    return slower == null ? OptionalLong.empty() : OptionalLong.of(slower.timeNs());
  }
}
