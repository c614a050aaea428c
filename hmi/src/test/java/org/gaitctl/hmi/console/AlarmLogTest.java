package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.gaitctl.safety.FaultCode;
import org.gaitctl.safety.FaultRecord;
import org.gaitctl.safety.SafetyState;
import org.junit.jupiter.api.Test;

class AlarmLogTest {

  /** 2026-12-01 10:00:00 UTC at supervisor time 5 s. */
  private final AlarmLog log = new AlarmLog(1_796_119_200_000L, 5_000_000_000L, ZoneOffset.UTC);

  @Test
  void shouldListAFaultWithItsCodeCauseAndWallClockTimeAndLatchIt() {
    log.onFault(fault(FaultCode.DRIVE_ESTOP_OPEN, 7_500_000_000L), true);

    assertThat(log.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.code()).isEqualTo("F08");
              assertThat(row.cause()).isEqualTo("e-stop chain open: ESTOP bit set");
              assertThat(row.time()).isEqualTo("10:00:02");
              assertThat(row.stoppedSession()).isTrue();
              assertThat(row.acknowledged()).isFalse();
            });
    assertThat(log.latched()).isTrue();
  }

  @Test
  void shouldKeepTheFaultLatchedUntilTheSupervisorIsSeenIdleAfterItsLatch() {
    log.onFault(fault(FaultCode.DRIVE_ESTOP_OPEN, 6_000_000_000L), true);
    log.onSafetyState(SafetyState.RUNNING);
    assertThat(log.latched()).as("reported, supervisor not yet stopping").isTrue();
    log.onSafetyState(SafetyState.STOPPING);
    log.onSafetyState(SafetyState.SAFE_STOP_LATCHED);
    assertThat(log.latched()).isTrue();

    log.onSafetyState(SafetyState.IDLE);

    assertThat(log.latched()).isFalse();
    assertThat(log.rows()).singleElement().extracting(AlarmRow::acknowledged).isEqualTo(true);
  }

  @Test
  void shouldNeverDropAnAcknowledgedFaultFromTheListNewestFirst() {
    log.onFault(fault(FaultCode.DRIVE_ESTOP_OPEN, 6_000_000_000L), true);
    log.onSafetyState(SafetyState.SAFE_STOP_LATCHED);
    log.onSafetyState(SafetyState.IDLE);
    log.onFault(fault(FaultCode.HARNESS_OVERLOAD, 9_000_000_000L), true);

    assertThat(log.rows()).extracting(AlarmRow::code).containsExactly("F05", "F08");
    assertThat(log.latched()).isTrue();
  }

  @Test
  void shouldCountALatchSeenWithoutItsReportAsLatched() {
    log.onSafetyState(SafetyState.SAFE_STOP_LATCHED);

    assertThat(log.latched()).isTrue();
  }

  private static FaultRecord fault(FaultCode code, long timeNs) {
    return new FaultRecord(code, timeNs, Double.NaN, Double.NaN, "ESTOP bit set");
  }
}
