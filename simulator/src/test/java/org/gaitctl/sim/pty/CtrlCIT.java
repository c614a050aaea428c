package org.gaitctl.sim.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal's Ctrl-C, reproduced: SIGINT to the whole process group of a child JVM holding a
 * pseudo-terminal pair with both ends open ({@link SigintProbe}). The child runs under {@code
 * setsid}, so the signal reaches only its group, never this build.
 */
class CtrlCIT {

  @TempDir Path dir;

  @Test
  void shouldKeepThePairAndItsPortsUntilTheShutdownHookIsDone() throws Exception {
    Socat.assumeInstalled();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs /usr/bin/setsid");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child =
        new ProcessBuilder(
                "/usr/bin/setsid",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SigintProbe.class.getName(),
                dir.resolve("tty").toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      String line = out.readLine();
      while (line != null && !line.equals(SigintProbe.READY)) {
        lines.add(line);
        line = out.readLine();
      }
      assertThat(line).as("child output: %s", lines).isEqualTo(SigintProbe.READY);
      // setsid execs java in place, so the child is the leader of its own group.
      assertThat(ProcessGroups.of(child.pid())).isEqualTo(child.pid());

      interrupt(child.pid());

      for (line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(lines).contains(SigintProbe.CARRIED).doesNotContain(SigintProbe.LOST);
    } finally {
      child.destroyForcibly();
    }
  }

  /** Ctrl-C as a terminal sends it: SIGINT to every process of the group. */
  private static void interrupt(long processGroup) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + processGroup).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
