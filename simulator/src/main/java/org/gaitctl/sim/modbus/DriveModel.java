package org.gaitctl.sim.modbus;

import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.plant.RampedAxis;

/**
 * The treadmill drive of spec §2 (unit 1): its registers, its behaviour and the belt and incline it
 * moves.
 *
 * <p>While RUN is set each belt follows its setpoint (SPEED_SET, or SPEED_SET_RIGHT for the right
 * belt in SPLIT mode) along the ACCEL ramp; clearing RUN ramps to zero at ACCEL. QUICK_STOP, a
 * watchdog trip, an open e-stop chain, a removed safety key and the injected drive faults latch a
 * fault: the belts ramp to zero at the emergency deceleration and stay there, and the incline
 * stops, until a rising edge of FAULT_RESET with the cause gone. QUICK_STOP latches FAULT with
 * FAULT_CODE 0 (the spec has no code for a commanded stop). The incline follows INCLINE_SET at the
 * actuator rate.
 *
 * <p>Register access from the Modbus threads, {@link #step} and fault injection from the simulation
 * thread or a test; all synchronised.
 */
public final class DriveModel extends DeviceModel {

  public static final int SPEED_SET = 1;
  public static final int SPEED_SET_RIGHT = 2;
  public static final int INCLINE_SET = 3;
  public static final int ACCEL = 4;
  public static final int WATCHDOG_MS = 5;
  public static final int HEARTBEAT = 6;

  public static final int STATUS = 0;
  public static final int SPEED_ACT = 1;
  public static final int SPEED_ACT_RIGHT = 2;
  public static final int INCLINE_ACT = 3;
  public static final int FAULT_CODE = 4;

  public static final int RUN = 1;
  public static final int QUICK_STOP = 1 << 2;
  public static final int SPLIT = 1 << 3;

  public static final int FAULT_QUICK_STOP = 0;
  public static final int FAULT_OVERCURRENT = 1;
  public static final int FAULT_OVERTEMPERATURE = 2;
  public static final int FAULT_WATCHDOG = 3;
  public static final int FAULT_ESTOP = 4;
  public static final int FAULT_INCLINE_MOTOR = 5;
  public static final int FAULT_SAFETY_KEY = 6;

  private static final int INITIAL_ACCEL_MM_S2 = 500;

  private final PlantParameters parameters;
  private final RampedAxis leftBelt = new RampedAxis();
  private final RampedAxis rightBelt = new RampedAxis();
  private final RampedAxis incline = new RampedAxis();
  private boolean estopOpen;
  private boolean safetyKeyOut;
  private boolean overtemperature;
  private double overspeedMps;
  private double creepMps;

  public DriveModel(PlantParameters parameters) {
    super(
        new int[][] {
          {0, 0xFFFF, 0, 0},
          {0, 5000, 0, 0},
          {0, 5000, 0, 0},
          {-100, 250, 1, 0},
          {50, 2000, 0, INITIAL_ACCEL_MM_S2},
          {0, 60000, 0, 0},
          {0, 0xFFFF, 0, 0}
        },
        5,
        WATCHDOG_MS,
        HEARTBEAT);
    this.parameters = parameters;
  }

  /** Advances the drive and its belts to {@code nowNs} (simulation thread). */
  public synchronized void step(long nowNs) {
    double dtS = advanceClock(nowNs, FAULT_WATCHDOG);
    int control = control();
    if ((control & QUICK_STOP) != 0) {
      latch(FAULT_QUICK_STOP);
    }
    if (estopOpen) {
      latch(FAULT_ESTOP);
    }
    if (safetyKeyOut) {
      latch(FAULT_SAFETY_KEY);
    }
    if (overtemperature) {
      latch(FAULT_OVERTEMPERATURE);
    }
    if (faulted()) {
      leftBelt.advance(dtS, 0, parameters.emergencyDecelMps2());
      rightBelt.advance(dtS, 0, parameters.emergencyDecelMps2());
      return;
    }
    double accelMps2 = holding.value(ACCEL) / 1000.0;
    boolean run = (control & RUN) != 0;
    double leftMps = runaway(run ? holding.value(SPEED_SET) / 1000.0 : 0);
    double rightMps = runaway(run ? rightSetpointMps(control) : 0);
    leftBelt.advance(dtS, leftMps, accelMps2);
    rightBelt.advance(dtS, rightMps, accelMps2);
    incline.advance(dtS, holding.value(INCLINE_SET) / 10.0, parameters.inclineRatePercentPerS());
  }

  /** Fault injection: the e-stop chain opens (true) or closes again. */
  public synchronized void setEstopOpen(boolean open) {
    this.estopOpen = open;
  }

  /** Fault injection: the patient's safety key is pulled (true) or put back. */
  public synchronized void setSafetyKeyOut(boolean out) {
    this.safetyKeyOut = out;
  }

  /** Fault injection: the motor is too hot (a cause that persists until cleared). */
  public synchronized void setOvertemperature(boolean hot) {
    this.overtemperature = hot;
  }

  /**
   * Fault injection: the belt runs {@code mps} faster than commanded while it runs (a speed
   * controller that lost its feedback); 0 repairs it. Only a latched fault stops it.
   */
  public synchronized void setOverspeedMps(double mps) {
    this.overspeedMps = mps;
  }

  /**
   * Fault injection: the belt never runs slower than {@code mps}, RUN cleared or not (a drive that
   * ignores the stop, e.g. an offset on its speed reference); 0 repairs it. Only a latched fault
   * stops it.
   */
  public synchronized void setCreepMps(double mps) {
    this.creepMps = mps;
  }

  /** Fault injection: an overcurrent trip (latches; the cause is gone at once). */
  public synchronized void injectOvercurrent() {
    latch(FAULT_OVERCURRENT);
  }

  /** Fault injection: the incline motor fails (latches; the cause is gone at once). */
  public synchronized void injectInclineMotorFault() {
    latch(FAULT_INCLINE_MOTOR);
  }

  /**
   * Closes the e-stop chain, puts the safety key back, cools the motor and lets WATCHDOG_MS writes
   * take effect again. A latched fault stays latched until the controller resets it (FAULT_RESET),
   * as on the real drive.
   */
  public synchronized void clearInjectedFaults() {
    estopOpen = false;
    safetyKeyOut = false;
    overtemperature = false;
    overspeedMps = 0;
    creepMps = 0;
    setIgnoresWatchdogWrites(false);
  }

  /** Actual speed of the left (or only) belt, m/s. */
  public synchronized double beltSpeedMps() {
    return leftBelt.value();
  }

  /** The left belt's actual speed and the model time it was reached at, read together. */
  public record SpeedSample(long timeNs, double speedMps) {}

  /**
   * The left belt's speed with the time of the model step that produced it: an observer computing a
   * slope from these is not misled by its own scheduling (a late read sees an older step's speed,
   * stamped with that step's time).
   */
  public synchronized SpeedSample beltSpeedSample() {
    return new SpeedSample(lastStepNs(), leftBelt.value());
  }

  /** Actual speed of the right belt, m/s (equal to the left one unless in SPLIT mode). */
  public synchronized double rightBeltSpeedMps() {
    return rightBelt.value();
  }

  /** Actual incline, percent grade. */
  public synchronized double inclinePercent() {
    return incline.value();
  }

  @Override
  boolean faultCausePresent() {
    return estopOpen || safetyKeyOut || overtemperature || (control() & QUICK_STOP) != 0;
  }

  @Override
  int inputWord(int address) {
    return switch (address) {
      case STATUS -> statusWord();
      case SPEED_ACT -> clampWord(leftBelt.value() * 1000);
      case SPEED_ACT_RIGHT -> clampWord(rightBelt.value() * 1000);
      case INCLINE_ACT -> (int) Math.round(incline.value() * 10);
      case FAULT_CODE -> faultCode();
      default -> throw new IllegalArgumentException("no input register " + address);
    };
  }

  /** The speed a belt actually runs to for {@code commandedMps}, with the injected faults. */
  private double runaway(double commandedMps) {
    double mps = commandedMps > 0 ? commandedMps + overspeedMps : commandedMps;
    return Math.max(mps, creepMps);
  }

  private double rightSetpointMps(int control) {
    int register = (control & SPLIT) != 0 ? SPEED_SET_RIGHT : SPEED_SET;
    return holding.value(register) / 1000.0;
  }

  private int statusWord() {
    int control = control();
    boolean running = (control & RUN) != 0 && !faulted();
    double tolerance = parameters.atSpeedToleranceMps();
    boolean atSpeed =
        running
            && Math.abs(leftBelt.value() - holding.value(SPEED_SET) / 1000.0) <= tolerance
            && Math.abs(rightBelt.value() - rightSetpointMps(control)) <= tolerance;
    return bit(running, 0)
        | bit(faulted(), 1)
        | bit(estopOpen, 2)
        | bit(safetyKeyOut, 3)
        | bit(watchdogTripped(), 4)
        | bit(atSpeed, 5)
        | bit((control & SPLIT) != 0, 6);
  }
}
