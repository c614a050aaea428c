package org.gaitctl.drivers.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.config.RegisterMap;
import org.gaitctl.core.port.CommandResult;
import org.junit.jupiter.api.Test;

class KnownWordsTest {

  @Test
  void shouldCarryFromForceSetToTheHeartbeatOnTheSpecBwsMap() {
    KnownWords window = windowOf(SpecRegisterMaps.bws());

    assertThat(window.firstAddress()).isEqualTo(1);
    assertThat(window.size()).isEqualTo(3);
    assertThat(window.inWindow(0)).as("CONTROL is never carried").isFalse();
    assertThat(window.inWindow(4)).as("HEARTBEAT itself").isFalse();
  }

  @Test
  void shouldCarryFromSpeedSetToTheHeartbeatOnTheSpecDriveMap() {
    KnownWords window = windowOf(SpecRegisterMaps.drive());

    assertThat(window.firstAddress()).isEqualTo(1);
    assertThat(window.size()).isEqualTo(5);
  }

  @Test
  void shouldCarryOnlyOverRegistersWhoseValueTheDeviceAcknowledged() {
    KnownWords window = windowOf(SpecRegisterMaps.bws());
    assertThat(window.allKnownAfter(1)).isFalse();

    window.written(2, 500, CommandResult.OK);
    window.written(3, 250, CommandResult.OK);
    assertThat(window.allKnownAfter(1)).isTrue();
    assertThat(window.word(3)).isEqualTo(250);

    window.written(3, 300, CommandResult.REJECTED);
    assertThat(window.allKnownAfter(1)).as("a rejected write changes nothing").isTrue();
    assertThat(window.word(3)).isEqualTo(250);

    window.written(3, 300, CommandResult.TIMEOUT);
    assertThat(window.allKnownAfter(1)).as("a write with unknown outcome").isFalse();
  }

  @Test
  void shouldKnowTheWholeWindowOnceItWasRead() {
    KnownWords window = windowOf(SpecRegisterMaps.bws());

    window.read(new int[] {200, 500, 250});

    assertThat(window.allKnownAfter(1)).isTrue();
    assertThat(window.word(2)).isEqualTo(500);
  }

  private static KnownWords windowOf(RegisterMap map) {
    return KnownWords.of(map, map.optionalField("heartbeat"), map.field("control"));
  }
}
