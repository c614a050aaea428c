package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptSignalTest {

  private static List<String> status(String sigIgn) {
    return List.of("Name:\tjava", "SigBlk:\t0000000000000000", "SigIgn:\t" + sigIgn, "SigCgt:\t0");
  }

  @Test
  void shouldSeeSigintIgnoredInTheStatusMask() {
    // A background job of a script: SIGINT (2) and SIGQUIT (3) ignored, SIGPIPE (13) by the JVM.
    assertThat(InterruptSignal.ignored(status("0000000000001006"))).isTrue();
  }

  @Test
  void shouldSeeSigintDeliveredWhenOnlyOtherSignalsAreIgnored() {
    assertThat(InterruptSignal.ignored(status("0000000000001004"))).isFalse();
    assertThat(InterruptSignal.ignored(List.of("Name:\tjava"))).isFalse();
  }

  @Test
  void shouldSeeTheStateThisProcessWasStartedIn() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux /proc");
    Process ignoring =
        new ProcessBuilder("sh", "-c", "trap '' INT; exec grep SigIgn /proc/self/status").start();
    String line = new String(ignoring.getInputStream().readAllBytes()).trim();
    ignoring.waitFor();

    assertThat(InterruptSignal.ignored(List.of(line))).as(line).isTrue();
  }
}
