package org.gaitctl.sim.pty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}: what one program writes to A the other reads from B, like a null-modem
 * cable. Tests and {@code gaitctl sim} wire an emulator (device end) to a driver (host end) with
 * it. Convention: the host end sits at the device profile's path, the device end at that path plus
 * {@value #DEVICE_SUFFIX}.
 *
 * <p>Closing kills socat, which hangs up both ends: readers on them see a lost port.
 *
 * <p>socat runs in a session (and so a process group) of its own, started through {@code setsid}
 * where that exists (util-linux): otherwise it shares the terminal's foreground process group with
 * this JVM, the terminal's Ctrl-C (SIGINT) reaches it as well, socat exits on it and hangs up both
 * ends while the controller is still stopping the belt. Only {@link #close()} ends it.
 */
public final class PseudoTerminalPair implements AutoCloseable {

  public static final String DEVICE_SUFFIX = ".device";

  private static final Logger LOG = LoggerFactory.getLogger(PseudoTerminalPair.class);
  private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(5);

  private final Path hostEnd;
  private final Path deviceEnd;
  private final Process socat;
  private final List<String> socatOutput = Collections.synchronizedList(new ArrayList<>());

  private PseudoTerminalPair(Path hostEnd, Path deviceEnd, Process socat) {
    this.hostEnd = hostEnd;
    this.deviceEnd = deviceEnd;
    this.socat = socat;
  }

  /**
   * Whether a {@code socat} executable is on the PATH: the one place that decides whether
   * pseudo-terminal pairs can be made here (every test on a pair assumes it).
   */
  public static boolean socatInstalled() {
    return onPath("socat").isPresent();
  }

  /** The executable called {@code name} in the first PATH directory that has one. */
  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
        return Optional.of(Path.of(directory, name));
      }
    }
    return Optional.empty();
  }

  /** A pair with the host end at {@code hostEnd} and the device end beside it (+ ".device"). */
  public static PseudoTerminalPair forHostPath(Path hostEnd) throws IOException {
    return open(hostEnd, Path.of(hostEnd + DEVICE_SUFFIX), DEFAULT_START_TIMEOUT);
  }

  /**
   * Starts socat and waits until both links exist.
   *
   * @throws IOException when socat is missing, exits, or the links do not appear in time; the
   *     message says which and carries socat's own output
   */
  public static PseudoTerminalPair open(Path hostEnd, Path deviceEnd, Duration startTimeout)
      throws IOException {
    return open("socat", hostEnd, deviceEnd, startTimeout);
  }

  /** As {@link #open(Path, Path, Duration)} with the socat executable named (tests). */
  static PseudoTerminalPair open(
      String socatExecutable, Path hostEnd, Path deviceEnd, Duration startTimeout)
      throws IOException {
    for (Path link : List.of(hostEnd, deviceEnd)) {
      if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isSymbolicLink(link)) {
          throw new IOException(link + " exists and is not a link; refusing to replace it");
        }
        Files.delete(link);
      }
    }
    Optional<Path> socatPath = onPath(socatExecutable);
    if (socatPath.isEmpty()) {
      throw new IOException(
          "cannot start "
              + socatExecutable
              + ", which makes the pseudo-terminal pair: is socat installed and on the PATH?"
              + " (Debian/Ubuntu: apt-get install socat)");
    }
    List<String> command = new ArrayList<>();
    // A child of the JVM is never a process group leader, so setsid execs socat in place rather
    // than forking: the Process is socat itself, and close() signals socat.
    Optional<Path> setsid = onPath("setsid");
    if (setsid.isPresent()) {
      command.add(setsid.get().toString());
    } else {
      LOG.warn(
          "setsid not found: socat for {} shares this process group, and a Ctrl-C in the"
              + " terminal ends it (the port is lost before the controlled stop)",
          hostEnd);
    }
    command.addAll(
        List.of(
            socatPath.get().toString(),
            "-d",
            "-d",
            "pty,raw,echo=0,link=" + hostEnd,
            "pty,raw,echo=0,link=" + deviceEnd));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException("cannot start " + command + ": " + e.getMessage(), e);
    }
    PseudoTerminalPair pair = new PseudoTerminalPair(hostEnd, deviceEnd, process);
    pair.drainOutput();
    pair.awaitLinks(startTimeout);
    LOG.info("pseudo-terminal pair: host end {} <-> device end {}", hostEnd, deviceEnd);
    return pair;
  }

  private void drainOutput() {
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  socatOutput.add(line);
                  LOG.debug("socat: {}", line);
                }
              } catch (IOException e) {
                LOG.debug("socat output closed: {}", e.getMessage());
              }
            },
            "socat-output");
    drain.setDaemon(true);
    drain.start();
  }

  private void awaitLinks(Duration timeout) throws IOException {
    long deadlineNs = System.nanoTime() + timeout.toNanos();
    while (!(Files.exists(hostEnd) && Files.exists(deviceEnd))) {
      if (!socat.isAlive()) {
        throw new IOException(
            "socat exited with code "
                + socat.exitValue()
                + " before the links existed: "
                + output());
      }
      if (System.nanoTime() - deadlineNs > 0) {
        close();
        throw new IOException(
            "socat did not create "
                + hostEnd
                + " and "
                + deviceEnd
                + " within "
                + timeout
                + ": "
                + output());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IOException("interrupted while waiting for socat", e);
      }
    }
  }

  private String output() {
    synchronized (socatOutput) {
      return String.join(" | ", socatOutput);
    }
  }

  /** Where the driver connects. */
  public Path hostEnd() {
    return hostEnd;
  }

  /** Where the emulator connects. */
  public Path deviceEnd() {
    return deviceEnd;
  }

  public boolean isAlive() {
    return socat.isAlive();
  }

  /** Kills socat (both ends hang up) and removes the links. Idempotent; never throws. */
  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(2, TimeUnit.SECONDS)) {
        socat.destroyForcibly();
        socat.waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      socat.destroyForcibly();
    }
    for (Path link : List.of(hostEnd, deviceEnd)) {
      try {
        Files.deleteIfExists(link);
      } catch (IOException e) {
        LOG.warn("could not remove pseudo-terminal link {}: {}", link, e.getMessage());
      }
    }
  }
}
