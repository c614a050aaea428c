package org.gaitctl.drivers.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gaitctl.config.BitField;
import org.gaitctl.config.RegisterMap;
import org.junit.jupiter.api.Test;

class ControlWordTest {

  private final RegisterMap spec = SpecRegisterMaps.drive();
  private final BitField run = spec.controlBit("run").orElseThrow();
  private final BitField split = spec.controlBit("split").orElseThrow();
  private final BitField faultReset = spec.controlBit("faultReset").orElseThrow();

  @Test
  void shouldKeepEveryRememberedFlagWhenOneChanges() {
    ControlWord word = new ControlWord(spec);
    word.set(split, true);
    word.set(run, true);
    word.set(run, false);

    assertThat(word.word()).isEqualTo(0b1000);
  }

  @Test
  void shouldNotRememberAPulsedFlag() {
    ControlWord word = new ControlWord(spec);
    word.set(run, true);

    assertThat(word.with(faultReset, true)).isEqualTo(0b0011);
    assertThat(word.word()).isEqualTo(0b0001);
  }

  @Test
  void shouldStartFromTheBaseWordWithActiveLowFlagsInactive() {
    BitField quickStopActiveLow = new BitField(0x0004, true);
    RegisterMap abbLike =
        new RegisterMap(
            spec.fields(),
            0x0400,
            Map.of("run", new BitField(0x0009, false), "quickStop", quickStopActiveLow),
            Map.of());
    ControlWord word = new ControlWord(abbLike);

    assertThat(word.word()).isEqualTo(0x0404);
    word.set(quickStopActiveLow, true);
    assertThat(word.word()).isEqualTo(0x0400);
  }
}
