package org.gaitctl.sim.world;

import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.loop.DeadlineIdleStrategy;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.loop.PeriodicCycle;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.PatientBody;
import org.gaitctl.sim.modbus.BwsModel;
import org.gaitctl.sim.modbus.DriveModel;
import org.gaitctl.sim.plant.HarnessLoadCell;
import org.gaitctl.sim.plant.PlantParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated world: drive and belts, BWS unit and harness, the patient, and the harness load
 * cell, advanced together in fixed 1 ms steps on one thread.
 *
 * <p>Each step: the drive moves the belts; the patient advances at the new belt speed with the
 * harness tension of the previous step as unloading; the BWS unit and harness advance with the
 * patient's centre-of-mass displacement; the load cell publishes the new true tension.
 *
 * <p>Two ways to run it: {@link #step(long)} by hand on virtual time (tests), or {@link #start()},
 * which paces the steps in real time on the injected clock on its own thread, a {@link
 * PeriodicAgent} with a 1 ms period (hardware-in-the-loop with the Modbus and stream emulators).
 * Only one of them at a time. The models are thread-safe for the emulators' threads; the load cell
 * is read by its streaming thread.
 */
public final class SimulationWorld implements PeriodicCycle, AutoCloseable {

  /** The world's fixed step, 1 ms (1 kHz). */
  public static final long STEP_NS = 1_000_000L;

  private static final double GRAVITY_MPS2 = 9.81;
  private static final Logger LOG = LoggerFactory.getLogger(SimulationWorld.class);

  private final NanoClock clock;
  private final PatientBody patient;
  private final DriveModel drive;
  private final BwsModel bws;
  private final HarnessLoadCell loadCell;
  private long nextStepNs;
  private boolean started;
  private volatile long steps;
  private volatile Throwable failure;
  private AgentThread thread;

  /**
   * @param clock time source of {@link #start()} and of the first step
   */
  public SimulationWorld(NanoClock clock, PatientBody patient, PlantParameters parameters) {
    this.clock = clock;
    this.patient = patient;
    this.drive = new DriveModel(parameters);
    this.bws = new BwsModel(parameters);
    this.loadCell = new HarnessLoadCell(parameters);
  }

  /** The treadmill drive, to serve as Modbus unit 1 and for fault injection. */
  public DriveModel drive() {
    return drive;
  }

  /** The BWS unit, to serve as Modbus unit 2 and for fault injection. */
  public BwsModel bws() {
    return bws;
  }

  /** The harness load cell, the source of the load-cell amplifier emulator. */
  public HarnessLoadCell loadCell() {
    return loadCell;
  }

  /**
   * Advances the world in 1 ms steps until its time reaches {@code nowNs}; the first call starts
   * the world's time at {@code nowNs}. Called by the world's own thread or, when it is not started,
   * by a test.
   */
  public void step(long nowNs) {
    if (!started) {
      started = true;
      nextStepNs = nowNs;
    }
    while (nextStepNs - nowNs <= 0) {
      stepOnce(nextStepNs);
      nextStepNs += STEP_NS;
    }
  }

  private void stepOnce(long timeNs) {
    drive.step(timeNs);
    patient.advance(timeNs, drive.beltSpeedMps(), bws.cableTensionN());
    bws.step(timeNs, patient.comDisplacementM(), patient.bodyMassKg() * GRAVITY_MPS2);
    loadCell.publishTensionN(bws.cableTensionN());
    steps++;
  }

  /**
   * Fault injection: the patient stumbles, putting {@code loadFraction} of the leg load on the
   * harness.
   */
  public void injectStumble(double loadFraction, double durationS) {
    bws.collapsePatient(loadFraction, durationS);
  }

  /** Fault injection: the patient falls; the harness takes the full body weight within ~100 ms. */
  public void injectFall() {
    bws.collapsePatient(1.0, Double.POSITIVE_INFINITY);
  }

  /** The fallen patient stands up: the harness gives the weight back to the legs. */
  public void injectRecovery() {
    bws.patientStandsUp();
  }

  /**
   * Clears every fault injected into the plant (drive, BWS unit, load-cell bridge) and puts the
   * harness back to its power-on state; latched device faults wait for the controller's reset.
   */
  public void clearInjectedFaults() {
    drive.clearInjectedFaults();
    bws.clearInjectedFaults();
    loadCell.setBridgeOpen(false);
  }

  /** Steps done so far (any thread). */
  public long steps() {
    return steps;
  }

  /** The error that stopped the world's thread, or null while it runs or was stopped normally. */
  public Throwable failure() {
    return failure;
  }

  /**
   * One cycle of the world's loop: the steps due by {@code nowNs}, unless a model bug froze the
   * world. World thread only.
   */
  @Override
  public void doWork(long nowNs) {
    if (failure == null) {
      step(nowNs);
    }
  }

  /**
   * A model bug: freeze the world (the devices stop answering changes, the controller's freshness
   * checks and the devices' watchdog semantics take over) and make it visible.
   */
  @Override
  public void onCycleError(Throwable error) {
    failure = error;
    LOG.error("simulation world stopped after {} steps", steps, error);
  }

  @Override
  public String roleName() {
    return "sim-world";
  }

  /** Runs the world in real time on the clock, on a thread of its own, until {@link #close()}. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("simulation world already started");
    }
    PeriodicAgent agent = new PeriodicAgent(this, clock, STEP_NS);
    thread = AgentThread.start(agent, DeadlineIdleStrategy.forPeriodic(agent, clock));
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.close();
      thread = null;
    }
  }
}
