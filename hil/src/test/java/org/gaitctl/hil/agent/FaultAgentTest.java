package org.gaitctl.hil.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent attached to another JVM by its process id, as the runner does to the controller: the
 * product's {@code FileJournalOutput} in {@link DiskFullChild} fails once F27 is armed, not before.
 */
class FaultAgentTest {

  @TempDir Path dir;

  @Test
  void shouldMakeTheJournalOutputOfAnotherJvmFailAsAFullDiskOnceArmedAndNotBefore()
      throws Exception {
    Path journal = dir.resolve("journal.bin");
    Path fired = dir.resolve("fired.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DiskFullChild.class.getName(),
                journal.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("writing");
      FaultAgentAttach agent = FaultAgentAttach.writeAgentJar(dir.resolve("agent.jar"));

      agent.install(child.pid(), AgentFault.F27);
      long installedSize = Files.size(journal);
      long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (Files.size(journal) <= installedSize && System.nanoTime() < deadlineNs) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      assertThat(Files.size(journal))
          .as("writes go on with the advice unarmed")
          .isGreaterThan(installedSize);
      assertThat(child.isAlive()).isTrue();
      assertThat(FaultAgentAttach.firedNs(fired, AgentFault.F27)).isEmpty();

      agent.install(child.pid(), AgentFault.F18);
      assertThatThrownBy(() -> agent.inject(child.pid(), AgentFault.F18, fired))
          .as("the gait stage's class was never loaded there: nothing to arm")
          .isInstanceOf(IOException.class)
          .hasMessageContaining("failed to initialize");

      agent.inject(child.pid(), AgentFault.F27, fired);

      assertThat(out.readLine()).isEqualTo("write failed: No space left on device");
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
    }
    OptionalLong firedNs = FaultAgentAttach.firedNs(fired, AgentFault.F27);
    assertThat(firedNs).isPresent();
    assertThat(Files.readAllLines(fired)).hasSize(1);
    assertThat(Files.size(journal) % DiskFullChild.RECORD_BYTES)
        .as("the failing write wrote nothing: the file ends after a whole record")
        .isZero();
  }

  @Test
  void shouldRejectArgumentsThatNameNoFault() {
    List<String> codes = List.of("F17", "F18", "F20", "F27", "F28");
    assertThat(List.of(AgentFault.values()).stream().map(Enum::name))
        .containsExactlyElementsOf(codes);
    assertThat(AgentFault.of("F08")).isNull();
  }
}
