package org.gaitctl.app;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.gaitctl.session.protocol.OperatorRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The therapist's keys on a terminal: /dev/tty in raw no-echo mode ({@code stty -icanon -echo min
 * 1}), one daemon thread reading single keys and mapping them to {@link OperatorRequest}s. Closing
 * restores the terminal's settings as they were (always, also after Ctrl-C).
 */
final class TerminalKeys implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TerminalKeys.class);
  private static final String TTY = "/dev/tty";

  private final String savedSettings;
  private final InputStream tty;

  private TerminalKeys(String savedSettings, InputStream tty) {
    this.savedSettings = savedSettings;
    this.tty = tty;
  }

  /**
   * Puts the terminal in raw mode and starts reading keys into {@code requests}.
   *
   * @throws IOException when stty or /dev/tty are not usable (the session then runs without keys)
   */
  static TerminalKeys open(Consumer<OperatorRequest> requests) throws IOException {
    String saved = stty("-g").strip();
    stty("-icanon", "-echo", "min", "1");
    TerminalKeys keys = new TerminalKeys(saved, new FileInputStream(TTY));
    Thread reader = new Thread(() -> keys.read(requests), "terminal-keys");
    reader.setDaemon(true);
    reader.start();
    return keys;
  }

  /** What each key does, for the help line. */
  static String help() {
    return "keys: space stop | p pause/resume | n next stage | + - speed | u d unloading";
  }

  static OperatorRequest requestOf(int key) {
    return switch (key) {
      case ' ' -> OperatorRequest.STOP;
      case 'p' -> OperatorRequest.PAUSE_OR_RESUME;
      case 'n' -> OperatorRequest.NEXT_STAGE;
      case '+', '=' -> OperatorRequest.SPEED_UP;
      case '-' -> OperatorRequest.SPEED_DOWN;
      case 'u' -> OperatorRequest.UNLOADING_UP;
      case 'd' -> OperatorRequest.UNLOADING_DOWN;
      default -> null;
    };
  }

  private void read(Consumer<OperatorRequest> requests) {
    try {
      for (int key = tty.read(); key >= 0; key = tty.read()) {
        OperatorRequest request = requestOf(key);
        if (request != null) {
          requests.accept(request);
        }
      }
    } catch (IOException e) {
      // Closed at the end of the session, or the terminal went away: Ctrl-C still stops.
      LOG.info("terminal keys no longer read: {}", e.toString());
    }
  }

  @Override
  public void close() {
    try {
      stty(savedSettings);
    } catch (IOException e) {
      LOG.error("could not restore the terminal settings; run `stty sane`", e);
    }
    try {
      tty.close();
    } catch (IOException e) {
      LOG.warn("closing {} failed: {}", TTY, e.toString());
    }
  }

  private static String stty(String... arguments) throws IOException {
    String[] command = new String[arguments.length + 1];
    command[0] = "stty";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File(TTY)))
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IOException("stty " + String.join(" ", arguments) + " failed: " + output);
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running stty", e);
    }
  }
}
