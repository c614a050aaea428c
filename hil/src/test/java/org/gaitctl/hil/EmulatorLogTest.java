package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EmulatorLogTest {

  private static String sample(long t, double beltMps, double speedSetMps, boolean hold) {
    return "{\"t\":"
        + t
        + ",\"type\":\"sample\",\"beltMps\":"
        + beltMps
        + ",\"beltRightMps\":"
        + beltMps
        + ",\"speedSetMps\":"
        + speedSetMps
        + ",\"run\":true,\"quickStop\":false,\"driveFaultCode\":-1,"
        + "\"driveWatchdog\":false,\"driveHeartbeats\":1,\"bwsEnable\":true,\"bwsHold\":"
        + hold
        + ",\"bwsFaultCode\":-1,\"bwsWatchdog\":false,\"bwsHeartbeats\":1,\"forceSetN\":220,"
        + "\"tensionN\":220.0,\"cableM\":0.1000}";
  }

  private static String write(long t, String device, int address, int... words) {
    StringBuilder list = new StringBuilder();
    for (int w : words) {
      list.append(list.length() == 0 ? "" : ",").append(w);
    }
    return "{\"t\":"
        + t
        + ",\"type\":\"write\",\"device\":\""
        + device
        + "\",\"address\":"
        + address
        + ",\"words\":["
        + list
        + "]}";
  }

  private static EmulatorLog log(String... lines) {
    EmulatorLog log = new EmulatorLog();
    for (String line : lines) {
      log.add(line);
    }
    return log;
  }

  @Test
  void shouldTakeTheFirstLowerSpeedSetpointAfterTheInjectionAsTheStopCommand() {
    EmulatorLog log =
        log(
            write(100, "drive", 1, 600),
            write(200, "drive", 1, 600),
            write(300, "bws", 1, 220),
            write(400, "drive", 1, 590));

    assertThat(log.firstStopCommand(150)).hasValue(400);
  }

  @Test
  void shouldTakeAQuickStopControlWordAsTheStopCommand() {
    EmulatorLog log = log(write(100, "drive", 0, 1), write(200, "drive", 0, 1 | 4));

    assertThat(log.firstStopCommand(150)).hasValue(200);
    assertThat(log.firstStopCommand(250)).isEmpty();
  }

  @Test
  void shouldFindTheOnsetOfTheBeltSlowingDown() {
    EmulatorLog log =
        log(
            sample(0, 0.6, 0.6, false),
            sample(20, 0.6, 0.6, false),
            sample(40, 0.595, 0.6, false),
            sample(60, 0.58, 0.6, false));

    assertThat(log.beltFallOnset(10)).isEqualTo(OptionalLong.of(60));
  }

  @Test
  void shouldSkipALineCutShortByAKill() {
    EmulatorLog log = log(sample(0, 0.6, 0.6, true), "{\"t\":20,\"type\":\"sam");

    assertThat(log.samples()).hasSize(1);
  }

  @Test
  void shouldTakeTheFirstStageWhenTheSetpointHasBeenSteadyWithTheBeltOnIt() {
    long ms = 1_000_000;
    EmulatorLog log =
        log(
            sample(0, 0.01, 0.01, false),
            sample(600 * ms, 0.01, 0.01, false),
            sample(700 * ms, 0.3, 0.3, false),
            sample(800 * ms, 0.6, 0.6, false),
            sample(1000 * ms, 0.6, 0.6, false),
            sample(1300 * ms, 0.6, 0.6, false));

    assertThat(ScenarioRun.firstStage(log.samples())).isEqualTo(800 * ms);
  }
}
