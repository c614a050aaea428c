package org.gaitctl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gaitctl.core.replay.JournalReplay;
import org.gaitctl.core.replay.ReplayOutcome;
import org.gaitctl.core.replay.ReplaySetup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long {@code gaitctl replay} takes on a journal, as {@code gaitctl replay} does it (setup from
 * the journal's head, then the two-thread replay), without the command's table writing. One
 * operation is one replay of the whole journal; the first warm-up iteration of each fork is the
 * JIT-cold figure a user sees from the shell, the measured ones are the steady state. Divide the
 * recording's length (printed at the end of each fork) by the score for the multiple of real time
 * (docs/PERFORMANCE.md, "Replay speed"). The journal is a parameter: record one with {@code
 * ./gaitctl monitor --record DIR --duration 600}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ReplayBenchmark -p journal=DIR/journal.gjl</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10"})
@State(Scope.Benchmark)
public class ReplayBenchmark {

  /** The journal to replay; there is no default, as none ships with the sources. */
  @Param("")
  String journal;

  private Path path;
  private ReplayOutcome last;

  @Setup(Level.Trial)
  public void check() {
    path = Path.of(journal);
    if (journal.isEmpty() || !Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "ReplayBenchmark needs -p journal=PATH to a session journal; got '" + journal + "'");
    }
  }

  @Benchmark
  public long replay(Blackhole steps) throws IOException {
    last =
        JournalReplay.run(
            path,
            ReplaySetup.read(path),
            (step, symmetry, frameArrivalNs) -> steps.consume(step.stepIndex()));
    return last.steps();
  }

  /** What was replayed, for the multiple of real time: after the fork, so its first is cold. */
  @TearDown(Level.Trial)
  public void describe() throws IOException {
    System.out.printf(
        "%n%s: %.1f s recorded, %d inputs, %d steps, %.1f MB%n",
        path, last.recordedNs() / 1e9, last.events(), last.steps(), Files.size(path) / 1e6);
  }
}
