package org.gaitctl.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineAssembly;
import org.gaitctl.core.pipeline.PipelineSettings;
import org.gaitctl.core.pipeline.StageThreading;
import org.gaitctl.core.pipeline.WaitStrategyKind;
import org.gaitctl.core.port.Centinewtons;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.patient.PatientGaitModel;

/**
 * The reference load of issue 3 §7: one belt of 128 × 56 cells at 300 Hz and the harness load cell
 * at 1 kHz. The frames are the simulator's patient (75 kg, default gait, 1.0 m/s, 30 % unloading)
 * rendered once for {@code cycleSeconds} and then replayed in a loop; load samples carry the
 * unloading force with a small step-rate ripple. Emitting allocates nothing.
 */
public final class ReferenceLoad {

  public static final int FRAME_RATE_HZ = 300;
  public static final int LOAD_RATE_HZ = 1_000;
  public static final int EVENTS_PER_SECOND = FRAME_RATE_HZ + LOAD_RATE_HZ;
  public static final BeltGeometry GEOMETRY = BeltGeometry.singleBelt();
  public static final PressureGrid GRID =
      new PressureGrid(
          GEOMETRY.belts(),
          GEOMETRY.rows(),
          GEOMETRY.cols(),
          GEOMETRY.pitchXUm() * 1e-6,
          GEOMETRY.pitchYUm() * 1e-6);

  private static final double BELT_SPEED_MPS = 1.0;
  private static final double UNLOADING_FRACTION = 0.3;
  private static final long NS_PER_S = 1_000_000_000L;

  /** Receives the reference load's events; the benchmark's hand-off. */
  public interface Sink {
    void frame(long arrivalNs, long seq, long deviceTimeUs, ByteBuffer cellsLittleEndian);

    void loadSample(long arrivalNs, long seq, long deviceTimeUs, int forceCn);
  }

  private final ByteBuffer[] frames;
  private final int unloadingCn;
  private long frameSeq;
  private long sampleSeq;

  /** Renders {@code cycleSeconds} of walking (at least a few strides: 6 s is plenty). */
  public ReferenceLoad(int cycleSeconds) {
    PatientSettings patient = PatientSettings.defaults();
    PatientGaitModel model = new PatientGaitModel(patient, GEOMETRY);
    double unloadingN = UNLOADING_FRACTION * patient.bodyMassKg() * 9.81;
    this.unloadingCn = Centinewtons.fromNewtons(unloadingN);
    long periodNs = NS_PER_S / FRAME_RATE_HZ;
    // Let the patient start walking before the recorded cycle begins.
    long warmUpNs = 3 * NS_PER_S;
    for (long t = 0; t < warmUpNs; t += periodNs) {
      model.advance(t, BELT_SPEED_MPS, unloadingN);
    }
    frames = new ByteBuffer[cycleSeconds * FRAME_RATE_HZ];
    char[] cells = new char[GEOMETRY.cellsPerBelt()];
    for (int i = 0; i < frames.length; i++) {
      long t = warmUpNs + i * periodNs;
      model.advance(t, BELT_SPEED_MPS, unloadingN);
      model.render(t, 0, cells);
      ByteBuffer buffer = ByteBuffer.allocate(cells.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      for (int c = 0; c < cells.length; c++) {
        buffer.putChar(c * 2, cells[c]);
      }
      frames[i] = buffer;
    }
  }

  /**
   * Emits one second of the load in time order, starting at {@code startNs} (arrival times are on
   * the reference schedule, whatever the wall clock).
   */
  public void emitSecond(Sink sink, long startNs) {
    int frame = 0;
    for (int ms = 0; ms < LOAD_RATE_HZ; ms++) {
      long sampleNs = startNs + ms * 1_000_000L;
      emitLoadSample(sink, sampleNs);
      // Frame j is due at j * 10/3 ms; emit every frame due by this sample.
      while (frame < FRAME_RATE_HZ && frame * 10L <= ms * 3L) {
        emitFrame(sink, startNs + frame * (NS_PER_S / FRAME_RATE_HZ));
        frame++;
      }
    }
  }

  /** Emits the next frame of the cycle, as arriving at {@code arrivalNs}. */
  public void emitFrame(Sink sink, long arrivalNs) {
    long seq = frameSeq++;
    ByteBuffer cells = frames[(int) (seq % frames.length)];
    sink.frame(arrivalNs, seq, seq * 1_000_000 / FRAME_RATE_HZ, cells);
  }

  /** Emits the next load sample, as arriving at {@code arrivalNs}. */
  public void emitLoadSample(Sink sink, long arrivalNs) {
    long seq = sampleSeq++;
    // A ±2 % ripple at about the step rate, as the centre of mass pulls on the harness.
    int rippleCn = (int) (unloadingCn * 0.02 * Math.sin(seq * (2 * Math.PI * 1.8 / LOAD_RATE_HZ)));
    sink.loadSample(arrivalNs, seq, seq * 1_000, unloadingCn + rippleCn);
  }

  /** A pipeline for this load's grid with the given threading and wait strategy, not started. */
  static Pipeline pipeline(StageThreading threading, WaitStrategyKind waitStrategy) {
    PipelineSettings settings =
        PipelineSettings.defaults(GRID).withThreading(threading).withWaitStrategy(waitStrategy);
    return PipelineAssembly.assemble(settings, NanoClock.SYSTEM, GaitSettings.defaults(), GRID);
  }
}
