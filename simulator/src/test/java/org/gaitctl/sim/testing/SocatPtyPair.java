package org.gaitctl.sim.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals wired back to back by socat ({@code socat pty,raw,echo=0 pty,raw,echo=0}),
 * with stable symlinks: the device end for an emulator, the host end for a driver. A local test
 * helper until the serial layer's {@code PseudoTerminalPair} lands.
 */
public final class SocatPtyPair implements AutoCloseable {

  private final Process socat;
  private final Path directory;
  private final Path deviceEnd;
  private final Path hostEnd;

  private SocatPtyPair(Process socat, Path directory) {
    this.socat = socat;
    this.directory = directory;
    this.deviceEnd = directory.resolve("device");
    this.hostEnd = directory.resolve("host");
  }

  public static boolean socatAvailable() {
    return Files.isExecutable(Path.of("/usr/bin/socat"));
  }

  public static SocatPtyPair open() throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("gaitctl-pty");
    Process socat =
        new ProcessBuilder(
                "socat",
                "pty,raw,echo=0,link=" + directory.resolve("device"),
                "pty,raw,echo=0,link=" + directory.resolve("host"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    SocatPtyPair pair = new SocatPtyPair(socat, directory);
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!(Files.exists(pair.deviceEnd) && Files.exists(pair.hostEnd))) {
      if (System.nanoTime() - deadlineNs > 0 || !socat.isAlive()) {
        pair.close();
        throw new IOException("socat did not create the pty pair in " + directory);
      }
      Thread.sleep(10);
    }
    return pair;
  }

  /** The real pty path of the emulator's end (jSerialComm opens the path itself). */
  public String deviceEnd() throws IOException {
    return deviceEnd.toRealPath().toString();
  }

  /** The real pty path of the driver's end. */
  public String hostEnd() throws IOException {
    return hostEnd.toRealPath().toString();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    socat.destroy();
    if (!socat.waitFor(2, TimeUnit.SECONDS)) {
      socat.destroyForcibly();
    }
    Files.deleteIfExists(deviceEnd);
    Files.deleteIfExists(hostEnd);
    Files.deleteIfExists(directory);
  }
}
