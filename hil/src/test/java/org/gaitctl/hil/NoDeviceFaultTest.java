package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NoDeviceFaultTest {

  private static String sample(long t, double beltMps) {
    return "{\"t\":"
        + t
        + ",\"type\":\"sample\",\"beltMps\":"
        + beltMps
        + ",\"beltRightMps\":"
        + beltMps
        + ",\"speedSetMps\":0.6,\"run\":true,\"quickStop\":false,\"driveFaultCode\":-1,"
        + "\"driveWatchdog\":false,\"driveHeartbeats\":1,\"bwsEnable\":true,\"bwsHold\":false,"
        + "\"bwsFaultCode\":-1,\"bwsWatchdog\":false,\"bwsHeartbeats\":1,\"forceSetN\":220,"
        + "\"tensionN\":220.0,\"cableM\":0.1000}";
  }

  private static String latch(long t, String device, int code) {
    return "{\"t\":"
        + t
        + ",\"type\":\"latch\",\"device\":\""
        + device
        + "\",\"code\":"
        + code
        + "}";
  }

  private static ExpectationResult check(String... lines) {
    EmulatorLog log = new EmulatorLog();
    for (String line : lines) {
      log.add(line);
    }
    Observations run =
        new Observations(
            3,
            "",
            null,
            null,
            List.of(),
            log,
            OptionalLong.empty(),
            Path.of("journal.gjl"),
            List.of(),
            Double.NaN);
    return new Expectations.NoDeviceFault().check(run);
  }

  @Test
  void shouldFailOnAWatchdogTripWhileTheBeltStillMoves() {
    ExpectationResult result =
        check(sample(100, 0.6), latch(150, "drive", 3), latch(150, "bws", 3), sample(200, 0.3));

    assertThat(result.passed()).isFalse();
    assertThat(result.measured()).isEqualTo("drive code 3, bws code 3");
  }

  @Test
  void shouldPassACommandedQuickStopAndTheWatchdogTripsAfterTheControllerLeftTheBeltAtRest() {
    ExpectationResult result =
        check(
            sample(100, 0.6),
            latch(150, "drive", 0),
            sample(200, 0.01),
            latch(900, "drive", 3),
            latch(905, "bws", 3),
            sample(1000, 0.0));

    assertThat(result.passed()).isTrue();
  }
}
