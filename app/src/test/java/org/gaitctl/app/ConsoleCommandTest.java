package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaitctl console}'s options, checked before any window or device. */
class ConsoleCommandTest {

  @TempDir Path dir;

  @Test
  void shouldRefuseABodyMassOutsideTwentyTo250KgBeforeOpeningAWindow() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = CliRun.execute(dir, out, err, "console", "--body-mass", "300");

    assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("--body-mass 300.0 kg is outside");
    assertThat(out.toString()).doesNotContain("Console open");
  }
}
