package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gaitctl.session.protocol.ProtocolOutcome;
import org.gaitctl.session.protocol.ProtocolSummary;
import org.gaitctl.session.protocol.StageSummary;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  @Test
  void shouldShowPerStageWhatWasSetAgainstWhatWasMeasured() {
    ProtocolSummary summary =
        new ProtocolSummary(
            "demo",
            ProtocolOutcome.STOPPED_BY_FAULT,
            "F08 e-stop chain open",
            1,
            52.3,
            List.of(
                new StageSummary(
                    0, "walk-in", 30, 10.1, 0.35, 0.34, 30, 220, 29.9, 20, 0.48, 2.31, 48, 3.2, 2.1,
                    true),
                new StageSummary(
                    1,
                    "faster",
                    22.3,
                    15.0,
                    0.7,
                    0.69,
                    30,
                    221,
                    Double.NaN,
                    0,
                    Double.NaN,
                    Double.NaN,
                    30,
                    Double.NaN,
                    1.0,
                    false)),
            List.of());

    List<List<String>> rows = SummaryTable.rows(summary);

    assertThat(SummaryTable.headline(summary))
        .isEqualTo("Protocol demo: stopped by fault (F08 e-stop chain open), 0:53");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .hasSize(SummaryTable.COLUMNS.size())
        .containsExactly(
            "1 walk-in",
            "0:30",
            "10.1",
            "0.35",
            "0.34",
            "30.0",
            "29.9",
            "0.48 / 2.3",
            "48",
            "3.2",
            "yes");
    assertThat(rows.get(1).get(6)).isEqualTo(ConsoleFormat.UNKNOWN);
    assertThat(rows.get(1).get(7)).isEqualTo(ConsoleFormat.UNKNOWN);
    assertThat(rows.get(1).get(10)).isEqualTo("no");
  }
}
