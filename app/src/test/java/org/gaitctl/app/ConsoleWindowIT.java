package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.hmi.console.AlarmRow;
import org.gaitctl.hmi.console.ConsoleWindow;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.session.protocol.ExecutorState;
import org.gaitctl.session.protocol.ProtocolExecutor;
import org.gaitctl.session.protocol.ProtocolOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real window (Xvfb in CI: {@code .ci/run} runs the build under {@code xvfb-run}
 * when there is no display) against the built-in emulators on real transports: the demo protocol
 * started with the Start button, 30 s of walking, stopped with Space; after the acknowledgement a
 * second run, an e-stop opened in the emulated drive while its belt runs, and the acknowledgement
 * once the chain is closed again. Driven through the named components on the EDT, never by pixel;
 * screenshots in {@code target/console-it/}.
 */
class ConsoleWindowIT {

  private static final Path SCREENSHOTS = Path.of("target", "console-it");
  private static final long WALK_NS = TimeUnit.SECONDS.toNanos(30);

  @TempDir Path out;

  private ConsoleDevices backend;
  private ConsoleWindow window;
  private final CountDownLatch closed = new CountDownLatch(1);

  @BeforeEach
  void openTheConsoleOnTheEmulators() throws Exception {
    assumeFalse(
        GraphicsEnvironment.isHeadless(),
        "no display: the console's window test runs under Xvfb (.ci/run uses xvfb-run -a)");
    DevicesConfig profile = DevicesConfigLoader.loadDefault();
    backend =
        new ConsoleDevices(
            profile, true, out, new PrintWriter(new StringWriter()), Optional.of(lenientTiming()));
    SwingUtilities.invokeAndWait(
        () -> {
          FlatLightLaf.setup();
          window = new ConsoleWindow(backend, "demo", 75);
          window.onClosed(closed::countDown);
          window.open();
        });
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    if (window != null) {
      SwingUtilities.invokeAndWait(window::closeWindow);
      assertThat(closed.await(30, TimeUnit.SECONDS)).as("window and devices closed").isTrue();
    }
  }

  @Test
  void shouldRunTheDemoFromStartStopItWithSpaceAndBlockStartOnAFaultUntilAcknowledged()
      throws Exception {
    ConsoleScreenshots.awaitStartEnabled(window);
    onEdt(() -> save("setup"));
    onEdt(() -> button("start").doClick());
    ProtocolExecutor first = onEdt(window::executor);
    long startedNs = System.nanoTime();
    await(() -> System.nanoTime() - startedNs > WALK_NS, 40, "30 s of the demo protocol");

    onEdt(() -> save("live"));
    assertThat(first.state())
        .as(() -> onEdtQuietly(() -> label("sessionState").getText()))
        .isIn(ExecutorState.RUNNING, ExecutorState.PAUSED);
    assertThat(onEdt(window::stepsSeen)).as("steps counted by the console").isPositive();
    assertThat(Long.parseLong(onEdt(() -> label("stepsValue").getText()))).isPositive();
    assertThat(onEdt(() -> button("stop").isEnabled())).isTrue();
    assertThat(onEdt(() -> button("start").isEnabled())).as("Start while running").isFalse();

    // The patient's window, opened from the View menu, counts the same steps.
    onEdt(() -> menuItem("feedbackWindow").doClick());
    await(
        () -> onEdtQuietly(() -> patientStepsText().matches(".*[1-9].*")),
        10,
        "steps in the patient feedback window");
    assertThat(onEdt(() -> menuItem("metronomeNote").getText())).startsWith("Metronome");
    onEdt(() -> menuItem("feedbackWindow").doClick());
    assertThat(onEdt(this::patientWindowShowing)).as("patient window closed again").isFalse();

    // An override goes to the executor, which answers with the override or the reason it refused.
    onEdt(() -> button("speedDown").doClick());
    await(
        () ->
            onEdtQuietly(
                () -> label("requestRefused").getText().matches("(?i)(override|refused) speed.*")),
        10,
        "the executor's answer to Speed -");

    // Space typed into a focused text field: the root pane's binding (WHEN_IN_FOCUSED_WINDOW)
    // stops the run; the field neither swallows the key nor takes a space.
    onEdt(() -> pressKey(textField("patientId"), KeyEvent.VK_SPACE));
    onEdt(() -> pressKey(textField("bodyMass"), KeyEvent.VK_ESCAPE));
    await(() -> first.state() == ExecutorState.ENDED, 20, "the run stopped by Space");
    assertThat(first.summary().outcome()).isEqualTo(ProtocolOutcome.STOPPED_BY_OPERATOR);
    assertThat(onEdt(() -> textField("patientId").getText())).isEqualTo("anonymous");
    acknowledgeAndAwaitStart();

    // A second run on the same devices, and a fault while the belt runs.
    onEdt(() -> button("start").doClick());
    ProtocolExecutor second = onEdt(window::executor);
    assertThat(second).isNotSameAs(first);
    await(() -> second.state() == ExecutorState.RUNNING, 20, "the second run's belt");
    backend.hardware().world().drive().setEstopOpen(true);
    await(() -> onEdtQuietly(() -> hasAlarm("F08")), 15, "F08 in the alarms panel");
    await(
        () -> onEdtQuietly(() -> button("acknowledge").isEnabled()),
        15,
        "Acknowledge offered once the stop has latched");
    onEdt(() -> save("fault"));
    assertThat(second.summary().outcome()).isEqualTo(ProtocolOutcome.STOPPED_BY_FAULT);
    assertThat(onEdt(() -> button("start").isEnabled())).as("Start with a latched fault").isFalse();
    assertThat(onEdt(() -> label("startReason").getText())).contains("acknowledge");

    backend.hardware().world().drive().setEstopOpen(false);
    acknowledgeAndAwaitStart();
    assertThat(onEdt(() -> window.alarmRows()))
        .filteredOn(row -> row.code().equals("F08"))
        .isNotEmpty()
        .allMatch(AlarmRow::acknowledged);
  }

  private void acknowledgeAndAwaitStart() throws Exception {
    await(
        () -> onEdtQuietly(() -> button("acknowledge").isEnabled()),
        15,
        "Acknowledge offered once the stop has latched");
    onEdt(() -> button("acknowledge").doClick());
    await(() -> onEdtQuietly(() -> button("start").isEnabled()), 15, "Start after acknowledging");
  }

  /**
   * Presses {@code keyCode} in {@code target} through Swing's key bindings, as the focus manager
   * does for the focus owner (under Xvfb without a window manager no window gets the focus).
   */
  private static void pressKey(JComponent target, int keyCode) {
    KeyEvent press =
        new KeyEvent(
            target,
            KeyEvent.KEY_PRESSED,
            System.currentTimeMillis(),
            0,
            keyCode,
            KeyEvent.CHAR_UNDEFINED);
    assertThat(SwingUtilities.processKeyBindings(press)).as("a binding took the key").isTrue();
  }

  private JTextField textField(String name) {
    return ConsoleComponents.find(window.frame(), name, JTextField.class);
  }

  private boolean hasAlarm(String code) {
    return window.alarmRows().stream().anyMatch(row -> row.code().equals(code));
  }

  private JButton button(String name) {
    return ConsoleComponents.find(window.frame(), name, JButton.class);
  }

  private javax.swing.JMenuItem menuItem(String name) {
    return ConsoleComponents.find(window.frame(), name, javax.swing.JMenuItem.class);
  }

  private Optional<JFrame> patientWindow() {
    return Arrays.stream(java.awt.Frame.getFrames())
        .filter(f -> f.isShowing() && f.getTitle().equals("gaitctl: patient feedback"))
        .map(JFrame.class::cast)
        .findFirst();
  }

  private boolean patientWindowShowing() {
    return patientWindow().isPresent();
  }

  private String patientStepsText() {
    return patientWindow()
        .map(f -> ConsoleComponents.find(f, "patientFeedback.steps", JLabel.class).getText())
        .orElse("");
  }

  private JLabel label(String name) {
    return ConsoleComponents.find(window.frame(), name, JLabel.class);
  }

  private void save(String what) {
    try {
      Files.createDirectories(SCREENSHOTS);
      window.saveScreenshot(SCREENSHOTS.resolve("console-" + what + ".png"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void onEdt(Runnable action) throws Exception {
    SwingUtilities.invokeAndWait(action);
  }

  private static <T> T onEdt(Supplier<T> read) throws Exception {
    AtomicReference<T> value = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> value.set(read.get()));
    return value.get();
  }

  private static <T> T onEdtQuietly(Supplier<T> read) {
    try {
      return onEdt(read);
    } catch (Exception e) {
      throw new IllegalStateException("reading the window on the EDT failed", e);
    }
  }

  private static void await(BooleanSupplier condition, int timeoutS, String what)
      throws InterruptedException {
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadlineNs).as("waiting for " + what).isNegative();
      Thread.sleep(100);
    }
  }

  /**
   * A shared 2-core machine running the emulators, the controller and a window under Xvfb in one
   * JVM delays threads by hundreds of ms; staleness is tested on virtual time (safety module).
   */
  static SupervisorSettings lenientTiming() {
    return SupervisorSettings.defaults().toBuilder()
        .overrunThresholdMs(250)
        .pressureStaleMs(1_500)
        .loadCellStaleMs(1_500)
        .deviceStatusStaleMs(2_000)
        .stageStallMs(2_000)
        .build();
  }
}
