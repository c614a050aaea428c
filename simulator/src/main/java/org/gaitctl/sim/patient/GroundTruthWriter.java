package org.gaitctl.sim.patient;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the ground truth of every completed step as CSV, one row per step, with the header {@value
 * #HEADER}.
 *
 * <p>Times are seconds printed from the nanosecond value without rounding; an unknown value is an
 * empty cell. Called on the thread that advances the model (see {@link GroundTruthListener}).
 *
 * <p>An I/O failure must not stop the simulated world, but ground truth with a silent hole would
 * make every accuracy figure wrong: the first failure is latched, the rows after it are counted in
 * {@link #lostSteps()}, and {@link #close()} throws the latched failure.
 */
public final class GroundTruthWriter implements GroundTruthListener, Closeable {

  public static final String HEADER =
      "index,side,kind,heel_strike_s,toe_off_s,stance_s,step_time_s,step_length_m,peak_force_n,"
          + "impulse_ns,heel_ap_m,foot_ml_m";

  private static final Logger LOG = LoggerFactory.getLogger(GroundTruthWriter.class);

  private final Writer out;
  private final String name;
  private final StringBuilder row = new StringBuilder(160);
  private IOException failure;
  private long writtenSteps;
  private long lostSteps;

  /** Writes to {@code out} (closed by {@link #close()}); {@code name} appears in errors. */
  public GroundTruthWriter(Writer out, String name) {
    this.out = out;
    this.name = name;
    try {
      out.write(HEADER);
      out.write('\n');
    } catch (IOException e) {
      latch(e);
    }
  }

  /** Creates (or truncates) {@code file} and writes the header. */
  public static GroundTruthWriter toFile(Path file) throws IOException {
    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new GroundTruthWriter(writer, file.toString());
  }

  @Override
  public void onStep(GroundTruthStep step) {
    if (failure != null) {
      lostSteps++;
      return;
    }
    row.setLength(0);
    row.append(step.index()).append(',').append(step.side().letter()).append(',');
    row.append(step.kind().csvName()).append(',');
    appendSeconds(step.heelStrikeNs());
    row.append(',');
    appendSeconds(step.toeOffNs());
    row.append(',');
    appendSeconds(step.stanceNs());
    row.append(',');
    if (step.hasStepTime()) {
      appendSeconds(step.stepTimeNs());
    }
    row.append(',');
    appendFixed(step.stepLengthM(), 6);
    row.append(',');
    appendFixed(step.peakForceN(), 3);
    row.append(',');
    appendFixed(step.impulseNewtonSeconds(), 4);
    row.append(',');
    appendFixed(step.heelApM(), 6);
    row.append(',');
    appendFixed(step.footMlM(), 6);
    row.append('\n');
    try {
      out.append(row);
      writtenSteps++;
    } catch (IOException e) {
      latch(e);
      lostSteps++;
    }
  }

  public long writtenSteps() {
    return writtenSteps;
  }

  /** Steps that could not be written after an I/O failure. */
  public long lostSteps() {
    return lostSteps;
  }

  /** Flushes and closes; throws the first write failure, if there was one. */
  @Override
  public void close() throws IOException {
    try {
      out.close();
    } catch (IOException e) {
      latch(e);
    }
    if (failure != null) {
      throw new IOException(
          "ground truth " + name + " is incomplete: " + lostSteps + " step(s) not written",
          failure);
    }
  }

  private void latch(IOException e) {
    if (failure == null) {
      failure = e;
      LOG.error("ground truth {}: write failed, further steps are counted as lost", name, e);
    }
  }

  private void appendSeconds(long ns) {
    if (ns < 0) {
      row.append('-');
      ns = -ns;
    }
    long fraction = ns % 1_000_000_000L;
    row.append(ns / 1_000_000_000L).append('.');
    String digits = Long.toString(fraction);
    for (int i = digits.length(); i < 9; i++) {
      row.append('0');
    }
    row.append(digits);
  }

  private void appendFixed(double value, int decimals) {
    if (Double.isFinite(value)) {
      row.append(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }
  }
}
