package org.gaitctl.sim.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gaitctl.drivers.serial.JSerialCommTransport;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoTerminalPairTest {

  @TempDir Path dir;

  @Test
  void shouldCarryBytesFromTheDeviceEndToTheHostEnd() throws IOException {
    Socat.assumeInstalled();
    try (PseudoTerminalPair pair = PseudoTerminalPair.forHostPath(dir.resolve("ttyX"))) {
      assertThat(pair.deviceEnd()).isEqualTo(dir.resolve("ttyX.device"));
      JSerialCommTransport host =
          new JSerialCommTransport(pair.hostEnd().toString(), 921_600, 100, 500);
      JSerialCommTransport device =
          new JSerialCommTransport(pair.deviceEnd().toString(), 921_600, 100, 500);
      assertThat(host.open()).isNull();
      assertThat(device.open()).isNull();
      byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
      assertThat(device.write(hello, 0, hello.length)).isEqualTo(hello.length);
      byte[] received = new byte[16];
      int total = 0;
      for (int i = 0; i < 20 && total < hello.length; i++) {
        total += host.read(received, total, received.length - total);
      }
      assertThat(new String(received, 0, total, StandardCharsets.US_ASCII)).isEqualTo("hello");
      host.close();
      device.close();
    }
  }

  /**
   * A terminal's Ctrl-C goes to its whole foreground process group; socat exits on SIGINT, so in
   * this JVM's group it would hang up both ends before the controlled stop is done.
   */
  @Test
  void shouldRunSocatInAProcessGroupOfItsOwn() throws IOException {
    Socat.assumeInstalled();
    try (PseudoTerminalPair pair = PseudoTerminalPair.forHostPath(dir.resolve("ttyG"))) {
      assertThat(ProcessGroups.of(socatOf(pair)))
          .isNotEqualTo(ProcessGroups.of(ProcessHandle.current().pid()));
    }
  }

  /** The socat process of a pair: the child of this JVM whose arguments name the host end. */
  private static long socatOf(PseudoTerminalPair pair) {
    return ProcessHandle.current()
        .children()
        .filter(
            child ->
                child
                    .info()
                    .arguments()
                    .map(args -> String.join(" ", args).contains(pair.hostEnd().toString()))
                    .orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no socat child for " + pair.hostEnd()))
        .pid();
  }

  @Test
  void shouldRemoveTheLinksAndHangUpWhenClosed() throws IOException {
    Socat.assumeInstalled();
    PseudoTerminalPair pair = PseudoTerminalPair.forHostPath(dir.resolve("ttyY"));
    pair.close();
    assertThat(pair.isAlive()).isFalse();
    assertThat(Files.exists(pair.hostEnd())).isFalse();
    assertThat(Files.exists(pair.deviceEnd())).isFalse();
  }

  @Test
  void shouldExplainWhenSocatIsMissing() {
    assertThatThrownBy(
            () ->
                PseudoTerminalPair.open(
                    "socat-not-installed-here",
                    dir.resolve("a"),
                    dir.resolve("b"),
                    Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is socat installed")
        .hasMessageContaining("apt-get install socat");
  }

  @Test
  void shouldRefuseToReplaceARegularFile() throws IOException {
    Socat.assumeInstalled();
    Path file = Files.writeString(dir.resolve("ttyZ"), "not a link");
    assertThatThrownBy(() -> PseudoTerminalPair.forHostPath(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a link");
  }
}
