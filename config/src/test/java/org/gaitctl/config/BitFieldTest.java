package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitFieldTest {

  @Test
  void shouldClearActiveLowBitsWhenActive() {
    BitField quickStop = new BitField(0x0004, true);

    assertThat(quickStop.apply(0x0476, true)).isEqualTo(0x0472);
    assertThat(quickStop.apply(0x0472, false)).isEqualTo(0x0476);
    assertThat(quickStop.isActive(0x0472)).isTrue();
  }

  @Test
  void shouldNeedEveryBitOfAMultiBitFlag() {
    BitField run = new BitField(0x0009, false);

    assertThat(run.isActive(0x0001)).isFalse();
    assertThat(run.apply(0, true)).isEqualTo(0x0009);
    assertThat(run.isActive(0x0009)).isTrue();
  }
}
