package org.gaitctl.sim.modbus;

import org.gaitctl.sim.plant.HarnessPlant;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.plant.RampedAxis;

/**
 * The body-weight-support unit of spec §3 (unit 2): its registers, its behaviour and the cable and
 * harness it drives ({@link HarnessPlant}).
 *
 * <p>With ENABLE set and no HOLD or fault, the inner force loop drives the unit's own sensor
 * towards a setpoint that slews to FORCE_SET at FORCE_RATE, starting from the force measured when
 * the loop engages (bumpless). HOLD, a disabled unit and every latched fault brake the cable at its
 * present length: the harness is never lowered. A watchdog trip latches fault 3, a sensor reading
 * above the overload limit fault 1 (OVERLOAD stays set while it lasts), an injected motor fault 2
 * and an injected sensor fault 4 (FORCE_ACT then reads 0). SLACK is set while the true cable
 * tension is below the slack threshold.
 *
 * <p>Register access from the Modbus threads, {@link #step} and fault injection from the simulation
 * thread or a test; all synchronised.
 */
public final class BwsModel extends DeviceModel {

  public static final int FORCE_SET = 1;
  public static final int FORCE_RATE = 2;
  public static final int WATCHDOG_MS = 3;
  public static final int HEARTBEAT = 4;

  public static final int STATUS = 0;
  public static final int FORCE_ACT = 1;
  public static final int CABLE_POS = 2;
  public static final int FAULT_CODE = 3;

  public static final int ENABLE = 1;
  public static final int HOLD = 1 << 2;

  public static final int FAULT_OVERLOAD = 1;
  public static final int FAULT_MOTOR = 2;
  public static final int FAULT_WATCHDOG = 3;
  public static final int FAULT_SENSOR = 4;

  private static final int INITIAL_FORCE_RATE_N_S = 100;

  private final PlantParameters parameters;
  private final HarnessPlant harness;
  private final RampedAxis slewedSetpoint = new RampedAxis();
  private boolean forceLoopEngaged;
  private boolean sensorFault;

  public BwsModel(PlantParameters parameters) {
    super(
        new int[][] {
          {0, 0xFFFF, 0, 0},
          {0, 1500, 0, 0},
          {10, 2000, 0, INITIAL_FORCE_RATE_N_S},
          {0, 60000, 0, 0},
          {0, 0xFFFF, 0, 0}
        },
        4,
        WATCHDOG_MS,
        HEARTBEAT);
    this.parameters = parameters;
    this.harness = new HarnessPlant(parameters);
  }

  /**
   * Advances the unit and the harness to {@code nowNs} (simulation thread).
   *
   * @param comDisplacementM the patient's vertical centre-of-mass displacement, m (up positive)
   * @param bodyWeightN the patient's weight, N (what a collapse can put on the harness)
   */
  public synchronized void step(long nowNs, double comDisplacementM, double bodyWeightN) {
    double dtS = advanceClock(nowNs, FAULT_WATCHDOG);
    if (overloaded()) {
      latch(FAULT_OVERLOAD);
    }
    if (sensorFault) {
      latch(FAULT_SENSOR);
    }
    int control = control();
    boolean forceControl = (control & ENABLE) != 0 && (control & HOLD) == 0 && !faulted();
    if (!forceControl) {
      forceLoopEngaged = false;
      boolean braked = (control & HOLD) != 0 || faulted();
      if (braked) {
        harness.advanceBraked(dtS, comDisplacementM, bodyWeightN);
      } else {
        harness.advanceYielding(dtS, comDisplacementM, bodyWeightN);
      }
      return;
    }
    if (!forceLoopEngaged) {
      slewedSetpoint.reset(harness.sensorForceN());
      forceLoopEngaged = true;
    }
    slewedSetpoint.advance(dtS, holding.value(FORCE_SET), holding.value(FORCE_RATE));
    harness.advanceForceControl(dtS, slewedSetpoint.value(), comDisplacementM, bodyWeightN);
  }

  /** Fault injection: the unit's force sensor fails (true) or is repaired. */
  public synchronized void setSensorFault(boolean failed) {
    this.sensorFault = failed;
  }

  /**
   * Fault injection: the unit's force sensor reads {@code factor} times the tension (FORCE_ACT and
   * the force loop with it), no fault raised; 1 repairs it.
   */
  public synchronized void setSensorGain(double factor) {
    harness.setSensorGain(factor);
  }

  /** Fault injection: a motor fault (latches; the cause is gone at once). */
  public synchronized void injectMotorFault() {
    latch(FAULT_MOTOR);
  }

  /**
   * Fault injection: the patient collapses, putting {@code loadFraction} of the weight the legs
   * carried onto the harness for {@code durationS} (use {@link Double#POSITIVE_INFINITY} for a
   * fall).
   */
  public synchronized void collapsePatient(double loadFraction, double durationS) {
    harness.collapse(loadFraction, durationS);
  }

  /** The fallen patient stands up: the harness gives the weight back to the legs. */
  public synchronized void patientStandsUp() {
    harness.endCollapse();
  }

  /**
   * Clears the injected sensor fault, lets WATCHDOG_MS writes take effect again and puts patient
   * and harness back to their power-on state. A latched fault stays latched until the controller
   * resets it (FAULT_RESET), as on the real unit.
   */
  public synchronized void clearInjectedFaults() {
    sensorFault = false;
    forceLoopEngaged = false;
    harness.restoreStanding();
    setIgnoresWatchdogWrites(false);
  }

  /** True cable tension, N (what the independent load cell measures). */
  public synchronized double cableTensionN() {
    return harness.tensionN();
  }

  /** What the unit's own sensor reads, N. */
  public synchronized double sensorForceN() {
    return harness.sensorForceN();
  }

  /** Cable paid out, m. */
  public synchronized double cablePaidOutM() {
    return harness.cablePaidOutM();
  }

  @Override
  boolean faultCausePresent() {
    return sensorFault || overloaded();
  }

  @Override
  int inputWord(int address) {
    return switch (address) {
      case STATUS -> statusWord();
      case FORCE_ACT -> sensorFault ? 0 : clampWord(harness.sensorForceN());
      case CABLE_POS -> clampWord(harness.cablePaidOutM() * 1000);
      case FAULT_CODE -> faultCode();
      default -> throw new IllegalArgumentException("no input register " + address);
    };
  }

  private boolean overloaded() {
    return harness.sensorForceN() > parameters.bwsOverloadN();
  }

  private int statusWord() {
    int control = control();
    return bit((control & ENABLE) != 0 && !faulted(), 0)
        | bit(faulted(), 1)
        | bit((control & HOLD) != 0 || faulted(), 2)
        | bit(watchdogTripped(), 3)
        | bit(overloaded(), 4)
        | bit(harness.slack(), 5);
  }
}
