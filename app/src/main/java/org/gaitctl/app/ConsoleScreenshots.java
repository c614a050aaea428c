package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.gaitctl.hmi.console.ConsoleWindow;

/**
 * The README's pictures of the console ({@code gaitctl console --screenshot docs/images}): the
 * setup view once Start is enabled, then the live view after the demo has run a while; then the
 * window is closed (the belt stopped through the supervisor).
 */
final class ConsoleScreenshots {

  static final String SETUP = "console-setup.png";
  static final String LIVE = "console-live.png";

  private static final long READY_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(90);
  private static final long POLL_MS = 200;
  private static final long SETTLE_MS = 3_000;

  private ConsoleScreenshots() {}

  /** Caller's thread (not the EDT): waits, clicks and saves through the EDT. */
  static void take(ConsoleWindow window, Path dir, int runS, PrintWriter out)
      throws InterruptedException, InvocationTargetException {
    awaitStartEnabled(window);
    onEdt(() -> save(window, dir.resolve(SETUP)));
    // Encoding a window-sized PNG keeps a core busy for a moment: not while the harness takes up.
    Thread.sleep(SETTLE_MS);
    onEdt(() -> ConsoleComponents.find(window.frame(), "start", JButton.class).doClick());
    Thread.sleep(TimeUnit.SECONDS.toMillis(runS));
    onEdt(
        () -> {
          window.showView(1);
          save(window, dir.resolve(LIVE));
        });
    out.println("Screenshots: " + dir.resolve(SETUP) + ", " + dir.resolve(LIVE));
    out.flush();
    onEdt(window::closeWindow);
  }

  /** Waits until the checks have passed and Start is enabled. */
  static void awaitStartEnabled(ConsoleWindow window)
      throws InterruptedException, InvocationTargetException {
    long deadlineNs = System.nanoTime() + READY_TIMEOUT_NS;
    AtomicBoolean enabled = new AtomicBoolean();
    while (!enabled.get()) {
      if (System.nanoTime() - deadlineNs > 0) {
        throw new StartRefused("the console's Start did not become enabled: checks not passed");
      }
      Thread.sleep(POLL_MS);
      SwingUtilities.invokeAndWait(
          () ->
              enabled.set(
                  ConsoleComponents.find(window.frame(), "start", JButton.class).isEnabled()));
    }
  }

  private static void save(ConsoleWindow window, Path png) {
    try {
      window.saveScreenshot(png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + png, e);
    }
  }

  private static void onEdt(Runnable action)
      throws InterruptedException, InvocationTargetException {
    SwingUtilities.invokeAndWait(action);
  }
}
