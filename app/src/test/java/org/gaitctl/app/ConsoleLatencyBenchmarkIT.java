package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.formdev.flatlaf.FlatLightLaf;
import com.sun.management.OperatingSystemMXBean;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.HdrHistogram.Histogram;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.core.pipeline.LatencyRecorder;
import org.gaitctl.core.pipeline.PipelineLatency;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.hmi.console.ConsoleWindow;
import org.gaitctl.session.protocol.ExecutorState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame arrival → step record latency with the console drawing at 30 Hz and with it minimised
 * (nothing drawn), in one run of the endurance protocol on the built-in emulators: 3 min open, 3
 * min minimised, 3 min open again (the bracket shows drift), after 30 s of walking. Per phase:
 * frame → step record (one per step), frame → gait analysis done (one per frame) and the process's
 * CPU. Prints one line per phase (docs/PERFORMANCE.md, "Console open and minimised"). With the
 * window test's lenient supervision timing: a late-data stop on a shared machine would end the run,
 * and latency is what is measured here. Needs a display and about 10 minutes:
 *
 * <pre>xvfb-run -a mvn -B -o -Psoak -pl app -am verify -Dtest=NONE
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConsoleLatencyBenchmarkIT
 *   -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
@Tag("soak")
class ConsoleLatencyBenchmarkIT {

  private static final long WALK_IN_MS = 30_000;
  private static final long PHASE_MS = 180_000;

  @TempDir Path out;

  @Test
  void shouldMeasureFrameToStepLatencyWithTheConsoleDrawingAndMinimised() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run -a");
    ConsoleDevices backend =
        new ConsoleDevices(
            DevicesConfigLoader.loadDefault(),
            true,
            out,
            new PrintWriter(new StringWriter()),
            Optional.of(ConsoleWindowIT.lenientTiming()));
    CountDownLatch closed = new CountDownLatch(1);
    ConsoleWindow[] window = new ConsoleWindow[1];
    SwingUtilities.invokeAndWait(
        () -> {
          FlatLightLaf.setup();
          window[0] = new ConsoleWindow(backend, "endurance", 75);
          window[0].onClosed(closed::countDown);
          window[0].open();
        });
    try {
      ConsoleScreenshots.awaitStartEnabled(window[0]);
      SwingUtilities.invokeAndWait(
          () -> ConsoleComponents.find(window[0].frame(), "start", JButton.class).doClick());
      SwingUtilities.invokeAndWait(() -> window[0].showView(1));
      Thread.sleep(WALK_IN_MS);
      PipelineLatency latency = backend.feeds().pipeline().latency();
      LatencyRecorder steps = latency.stepRecord();
      LatencyRecorder frames = latency.stage(StageId.GAIT_ANALYSIS);
      steps.intervalHistogram(null);
      frames.intervalHistogram(null);

      System.out.println(
          "console: phase | frame -> step p50 / p99 / p99.9 / max | frame -> gait analysis"
              + " p50 / p99 / p99.9 / max | CPU");
      phase("open, drawing", steps, frames);
      SwingUtilities.invokeAndWait(() -> windowEvent(window[0], WindowEvent.WINDOW_ICONIFIED));
      phase("minimised, nothing drawn", steps, frames);
      SwingUtilities.invokeAndWait(() -> windowEvent(window[0], WindowEvent.WINDOW_DEICONIFIED));
      phase("open again, drawing", steps, frames);

      assertThat(window[0].executor().state())
          .as("the session walked through all three phases")
          .isEqualTo(ExecutorState.RUNNING);
    } finally {
      SwingUtilities.invokeAndWait(window[0]::closeWindow);
      assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void windowEvent(ConsoleWindow window, int id) {
    window.frame().dispatchEvent(new WindowEvent(window.frame(), id));
  }

  private static void phase(String name, LatencyRecorder steps, LatencyRecorder frames)
      throws InterruptedException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBeforeNs = os.getProcessCpuTime();
    Thread.sleep(PHASE_MS);
    double cpuCores = (os.getProcessCpuTime() - cpuBeforeNs) / (PHASE_MS * 1e6);
    Histogram h = steps.intervalHistogram(null);
    Histogram f = frames.intervalHistogram(null);
    System.out.printf(
        Locale.ROOT,
        "console: %-26s | %s | %s | %.2f cores%n",
        name,
        percentiles(h, "steps"),
        percentiles(f, "frames"),
        cpuCores);
    assertThat(h.getTotalCount()).as("steps in phase " + name).isPositive();
  }

  private static String percentiles(Histogram h, String unit) {
    return String.format(
        Locale.ROOT,
        "%6d %s %.3f / %.3f / %.3f / %.3f ms",
        h.getTotalCount(),
        unit,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6,
        h.getMaxValue() / 1e6);
  }
}
