package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FaultExpectationTest {

  private static ExpectationResult check(String output, String code) {
    Observations run =
        new Observations(
            3,
            output,
            null,
            null,
            List.of(),
            new EmulatorLog(),
            OptionalLong.empty(),
            Path.of("journal.gjl"),
            List.of(),
            Double.NaN);
    return new Expectations.Fault(List.of(code), null).check(run);
  }

  @Test
  void shouldNotTakeTheCodeInTheScenariosReportPathForARaisedFault() {
    String output =
        "Session files: /tmp/hil/F24-belt-moving-while-stopped/session\n"
            + "SAFE STOP. Belt stopped (controlled stop), harness holding. Cause: F21 stop requested: by the operator.\n";

    assertThat(check(output, "F24").passed()).isFalse();
    assertThat(check(output, "F21").passed()).isTrue();
  }

  @Test
  void shouldFindALaterFaultInTheControllersLog() {
    String log =
        "2026-12-01 13:27:02.287 WARN  [safety-supervisor] o.g.s.SafetySupervisor - later fault:"
            + " F05 harness overload: 716.940 N > 700.000 N\n";

    assertThat(check(log, "F05").passed()).isTrue();
  }
}
