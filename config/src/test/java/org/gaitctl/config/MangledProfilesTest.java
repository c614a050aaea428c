package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever a profile's author gets wrong, loading ends in a profile or a {@link ConfigException}
 * whose every problem has a line: never another exception, never a silent half-profile.
 */
class MangledProfilesTest {

  private static final List<String> JUNK =
      List.of("", "~", "-1", "0", "x", "[]", "{}", "0x10000", "1e999", "tcp://h:1", "yes");

  @Test
  void shouldEndEveryMangledProfileInAProfileOrLocatedErrors() {
    List<String> lines = ProfileText.VALID.lines().toList();
    int mangled = 0;
    for (int i = 0; i < lines.size(); i++) {
      for (String variant : variantsOf(lines.get(i))) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(i, variant);
        assertLoadsOrExplains(String.join("\n", copy) + "\n", i + 1, variant);
        mangled++;
      }
    }
    assertThat(mangled).isGreaterThan(400);
  }

  private static List<String> variantsOf(String line) {
    List<String> variants = new ArrayList<>();
    variants.add("");
    int colon = line.indexOf(": ");
    if (colon > 0) {
      for (String junk : JUNK) {
        variants.add(line.substring(0, colon + 2) + junk);
      }
    }
    return variants;
  }

  private static void assertLoadsOrExplains(String text, int line, String variant) {
    Throwable thrown = catchThrowable(() -> DevicesConfigLoader.parse(text, "devices.yaml"));
    if (thrown == null) {
      return;
    }
    assertThat(thrown).as("line %d as '%s'", line, variant).isInstanceOf(ConfigException.class);
    assertThat(((ConfigException) thrown).errors())
        .as("line %d as '%s'", line, variant)
        .isNotEmpty()
        .allSatisfy(error -> assertThat(error.line()).isPositive());
  }
}
