package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.symmetry.SymmetryTracker;
import org.junit.jupiter.api.Test;

class RingTranslatorsTest {

  @Test
  void shouldCopyLittleEndianCellsFromTheBufferPositionWithoutMovingIt() {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 6 * 2).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(0xFFFFFFFF);
    for (int i = 0; i < 6; i++) {
      buffer.putChar((char) (1000 * i + 7));
    }
    buffer.position(4);
    RingEvent event = new RingEvent(8);

    RingTranslators.pressureFrame(event, 11, 12, 13, 1, 2, 3, buffer);

    assertThat(buffer.position()).isEqualTo(4);
    assertThat(event.kind()).isEqualTo(EventKind.PRESSURE_FRAME);
    assertThat(event.arrivalNs()).isEqualTo(11);
    assertThat(event.deviceSeq()).isEqualTo(12);
    assertThat(event.deviceTimeUs()).isEqualTo(13);
    assertThat(event.frame().belt()).isEqualTo(1);
    assertThat(event.frame().cell(0, 0)).isEqualTo(7);
    assertThat(event.frame().cell(1, 2)).isEqualTo(5007);
  }

  @Test
  void shouldReadLittleEndianCellsEvenFromABigEndianBuffer() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0x34, 0x12, (byte) 0xFF, (byte) 0xFF});
    RingEvent event = new RingEvent(2);

    RingTranslators.pressureFrame(event, 0, 0, 0, 0, 1, 2, buffer);

    assertThat(event.frame().cell(0, 0)).isEqualTo(0x1234);
    assertThat(event.frame().cell(0, 1)).as("u16, never negative").isEqualTo(0xFFFF);
  }

  @Test
  void shouldClearTheOutputsOfTheSlotsPreviousUse() {
    RingEvent event = new RingEvent(4);
    event.foot(Side.LEFT).set(500, 0.1, 0.2, 0.003, true);
    event.gaitEvents().heelStrike(Side.RIGHT, 99);
    event.step().complete(new StepRecord(), new SymmetryTracker(4));
    event.stampFinish(StageId.GAIT_ANALYSIS, 42);

    RingTranslators.loadSample(event, 1, 2, 3, 4_000, 0);

    assertThat(event.kind()).isEqualTo(EventKind.LOAD_SAMPLE);
    assertThat(event.foot(Side.LEFT).valid()).isFalse();
    assertThat(event.gaitEvents().any()).isFalse();
    assertThat(event.step().completed()).isFalse();
    assertThat(event.stageFinishNs(StageId.GAIT_ANALYSIS)).isZero();
    assertThat(event.unloading().status()).isEqualTo(UnloadingStatus.NONE);
    assertThat(event.loadSample().forceCn()).isEqualTo(4_000);
  }

  @Test
  void shouldLeaveAReusedSlotUnfilledWhenItsTranslatorThrows() {
    RingEvent event = new RingEvent(4);
    RingTranslators.loadSample(event, 1, 2, 3, 4_000, 0);
    ByteBuffer tooShortForTwoByTwo = ByteBuffer.allocate(4);

    assertThatThrownBy(
            () -> RingTranslators.pressureFrame(event, 5, 6, 7, 0, 2, 2, tooShortForTwoByTwo))
        .isInstanceOf(IndexOutOfBoundsException.class);

    assertThat(event.kind())
        .as("a half-written slot must not pass as the previous event's kind")
        .isEqualTo(EventKind.NONE);
  }
}
