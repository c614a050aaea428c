package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalLong;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalRecordType;
import org.junit.jupiter.api.Test;

class SoakExpectationsTest {

  private static Observations withResources(List<ResourceSample> samples) {
    return new Observations(
        130,
        "",
        null,
        null,
        List.of(),
        new EmulatorLog(),
        OptionalLong.empty(),
        null,
        samples,
        Double.NaN);
  }

  private static JournalRecord frame(int belt, long seq) {
    ByteBuffer payload = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
    payload.putLong(0, 1_000L).putLong(8, seq).put(24, (byte) belt);
    return new JournalRecord(0, 0, 2, JournalRecordType.PRESSURE_FRAME, payload);
  }

  private static JournalRecord loadSample(long seq) {
    ByteBuffer payload = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    payload.putLong(0, 1_000L).putLong(8, seq);
    return new JournalRecord(0, 0, 4, JournalRecordType.LOAD_SAMPLE, payload);
  }

  @Test
  void shouldPassRssThatGrewLessThanTheLimitAndFailRssThatGrewMore() {
    List<ResourceSample> flat =
        List.of(new ResourceSample(0, 600_000, 100, 50), new ResourceSample(60, 620_000, 90, 50));
    List<ResourceSample> growing =
        List.of(new ResourceSample(0, 600_000, 100, 50), new ResourceSample(60, 700_000, 90, 50));

    assertThat(new SoakExpectations.RssFlat(10).check(withResources(flat)).passed()).isTrue();
    assertThat(new SoakExpectations.RssFlat(10).check(withResources(growing)).passed()).isFalse();
  }

  @Test
  void shouldJudgeTheHeapOutsideTheYoungGenerationAndNeedTwoReadableSamples() {
    List<ResourceSample> leaking =
        List.of(
            new ResourceSample(0, 600_000, 200_000, 20_000),
            new ResourceSample(60, 600_000, 100_000, 80_000));
    List<ResourceSample> unreadable =
        List.of(new ResourceSample(0, 600_000, -1, -1), new ResourceSample(60, 600_000, -1, -1));

    assertThat(new SoakExpectations.HeapFlat(32).check(withResources(leaking)).passed()).isFalse();
    assertThat(new SoakExpectations.HeapFlat(32).check(withResources(unreadable)).passed())
        .isFalse();
  }

  @Test
  void shouldCountTheSequenceNumbersSkippedPerBeltAndOnTheLoadCell() {
    SoakExpectations.SequenceGaps gaps = new SoakExpectations.SequenceGaps();
    for (JournalRecord record :
        List.of(
            frame(0, 1),
            frame(1, 1),
            frame(0, 2),
            frame(1, 2),
            frame(0, 5),
            frame(1, 3),
            loadSample(10),
            loadSample(11),
            loadSample(13))) {
      gaps.accept(record);
    }

    assertThat(gaps.frames).isEqualTo(6);
    assertThat(gaps.missingFrames).as("belt 0 skipped 3 and 4").isEqualTo(2);
    assertThat(gaps.missingLoadSamples).isEqualTo(1);
  }

  @Test
  void shouldReadRssAndHeapFromProcStatusAndG1HeapInfo() throws IOException {
    String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  612345 kB\nThreads:\t40\n";
    String heapInfo =
        "12345:\n garbage-first heap   total 524288K, used 65432K [0x00000000e0000000,"
            + " 0x0000000100000000)\n  region size 1024K, 30 young (30720K), 2 survivors (2048K)\n"
            + " Metaspace       used 12345K, committed 12800K, reserved 1056768K\n";

    assertThat(ResourceSampler.rssKb(status)).isEqualTo(612_345);
    assertThat(ResourceSampler.heapUsedKb(heapInfo)).isEqualTo(65_432);
    assertThat(ResourceSampler.youngKb(heapInfo)).isEqualTo(30_720);
    assertThat(ResourceSampler.heapUsedKb("Serial heap")).isEqualTo(-1);
  }
}
