package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecondDisplayTest {

  @Test
  void shouldPutThePatientOnTheFirstDisplayThatIsNotTheTherapists() {
    assertThat(SecondDisplay.choose(List.of("desk", "wall", "spare"), "desk")).contains("wall");
    assertThat(SecondDisplay.choose(List.of("wall", "desk"), "desk")).contains("wall");
  }

  @Test
  void shouldChooseNoDisplayWhenThereIsOnlyTheTherapists() {
    assertThat(SecondDisplay.choose(List.of("desk"), "desk")).isEmpty();
  }
}
