package org.gaitctl.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.config.SettingRange;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.gaitctl.sim.modbus.ModbusEmulatorServer;
import org.gaitctl.sim.patient.IntendedSpeedSchedule;
import org.gaitctl.sim.patient.PatientAsymmetry;
import org.gaitctl.sim.stream.StreamFaults;

/**
 * Fault injection by typed command, for a test engineer at {@code gaitctl sim}: one line, one
 * fault. A line that is not a command (unknown word, missing or bad argument) gets a one-line error
 * and changes nothing; the console, and the bench with it, goes on.
 */
final class FaultConsole {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "fault injection commands:",
          "  estop open|close          open or close the drive's e-stop chain",
          "  key out|in                remove or insert the safety key",
          "  drive overcurrent|incline latch a drive fault (the controller's reset clears it)",
          "  drive overtemp on|off     the drive's motor too hot, or cooled down",
          "  drive delay MS | drive drop on|off   delay or drop the drive's Modbus replies",
          "  drive overspeed MPS       the belt runs MPS faster than commanded (0: repaired)",
          "  drive creep MPS           the belt never runs slower than MPS, stopped or not (0: off)",
          "  drive|bws disconnect      reset the controller's TCP connection (RST)",
          "  drive|bws watchdog ignore|obey       acknowledge WATCHDOG_MS writes but keep the old value",
          "  bws delay MS | bws drop on|off       the same for the BWS unit",
          "  bws motor | bws sensor on|off        BWS motor fault, BWS sensor fault",
          "  bws gain FACTOR           the BWS unit's force sensor reads FACTOR x the tension",
          "  fall | stumble            the patient falls into the harness / stumbles",
          "  recover                   the fallen patient stands up again",
          "  patient speed MPS|belt    the patient means to walk at MPS / at the belt's speed",
          "  patient asymmetry STANCE [STEP_LENGTH]  the patient walks with these symmetry indices, %,",
          "                            from its next stride (stance -40..40, step length -50..50;",
          "                            step length as stance when left out)",
          "  pbu|lca stop|resume       stop or resume streaming",
          "  pbu|lca crc N             corrupt the CRC of the next N messages",
          "  pbu|lca crc-rate R        a noisy line: corrupt the CRC of R of the messages (0.001: 1 in 1000; 0: off)",
          "  pbu|lca drop N            drop the next N samples (sequence gap)",
          "  pbu|lca sensor on|off     sensor-fault flag",
          "  pbu|lca overload on|off   over-range (PBU) / overload (LCA) flag",
          "  lca bridge open|closed    load-cell bridge open (sensor fault)",
          "  pbu grid RxC|own          frames of R rows x C columns / of the belt's own grid",
          "  reset                     clear every injected fault, patient standing again",
          "  help | quit");

  /** Longer than any request timeout a profile accepts; more only looks like a hung console. */
  static final int MAX_DELAY_MS = 60_000;

  /** Above any belt speed a profile accepts; only for the drive's injected runaway. */
  static final double MAX_RUNAWAY_MPS = 5.0;

  /** The factor range of an injected BWS sensor gain: a drift, not a dead sensor. */
  static final double MIN_GAIN = 0.1;

  static final double MAX_GAIN = 10.0;

  /** A bound that keeps the pending counters far from overflow, whatever is typed repeatedly. */
  static final int MAX_COUNT = 1_000_000;

  private final EmulatedHardware hardware;
  private final PrintWriter out;

  FaultConsole(EmulatedHardware hardware, PrintWriter out) {
    this.hardware = hardware;
    this.out = out;
  }

  /**
   * Executes the commands of {@code in}, one a line, until {@code quit} (returns true) or the end
   * of the input (returns false).
   */
  boolean run(BufferedReader in) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!execute(line)) {
        return true;
      }
    }
    return false;
  }

  /** Executes one command line and prints its outcome; returns false for {@code quit}. */
  boolean execute(String line) {
    String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (words[0].isEmpty()) {
      return true;
    }
    if (words[0].equals("quit") || words[0].equals("exit")) {
      return false;
    }
    try {
      String outcome = apply(new Words(words));
      // Recorded with the emulator's clock once carried out: the HIL runner measures from here.
      if (!words[0].equals("help")) {
        hardware.recordInjection(String.join(" ", words));
      }
      out.println(outcome);
    } catch (NotACommand e) {
      out.println("? " + e.getMessage() + " (type 'help' for the commands)");
    }
    out.flush();
    return true;
  }

  private String apply(Words words) throws NotACommand {
    String command = words.word(0, "a command");
    switch (command) {
      case "help":
        words.noMoreAfter(0);
        return USAGE;
      case "estop":
        return onOff(words, 1, "open", "close", hardware.world().drive()::setEstopOpen, "e-stop");
      case "key":
        return onOff(
            words, 1, "out", "in", hardware.world().drive()::setSafetyKeyOut, "safety key");
      case "fall":
        words.noMoreAfter(0);
        hardware.world().injectFall();
        hardware.patient().fall();
        return "patient falls into the harness";
      case "stumble":
        words.noMoreAfter(0);
        hardware.world().injectStumble(0.5, 0.3);
        hardware.patient().stumble();
        return "patient stumbles";
      case "recover":
        words.noMoreAfter(0);
        hardware.recoverPatient();
        return "patient stands up again; the harness gives the weight back to the legs";
      case "reset":
        words.noMoreAfter(0);
        hardware.resetInjectedFaults();
        return "every injected fault cleared, patient standing in a slack harness"
            + " (faults the devices latched clear at the controller's fault reset)";
      case "patient":
        return patient(words);
      case "drive":
        return drive(words);
      case "bws":
        return bws(words);
      case "pbu":
        return stream(hardware.pressureBelt().faults(), "pbu", words);
      case "lca":
        return stream(hardware.loadCell().faults(), "lca", words);
      default:
        throw new NotACommand("unknown command '" + command + "'");
    }
  }

  private String drive(Words words) throws NotACommand {
    String what = words.word(1, "overcurrent, incline, overtemp, watchdog, delay or drop");
    switch (what) {
      case "overcurrent":
        words.noMoreAfter(1);
        hardware.world().drive().injectOvercurrent();
        return "drive: overcurrent fault latched";
      case "incline":
        words.noMoreAfter(1);
        hardware.world().drive().injectInclineMotorFault();
        return "drive: incline motor fault latched";
      case "overtemp":
        return onOff(
            words, 2, "on", "off", hardware.world().drive()::setOvertemperature, "drive overtemp");
      case "watchdog":
        return onOff(
            words,
            2,
            "ignore",
            "obey",
            hardware.world().drive()::setIgnoresWatchdogWrites,
            "drive watchdog writes");
      case "overspeed":
        double overspeedMps = words.number(2, "MPS", 0, MAX_RUNAWAY_MPS);
        words.noMoreAfter(2);
        hardware.world().drive().setOverspeedMps(overspeedMps);
        return "drive: belt runs " + overspeedMps + " m/s faster than commanded";
      case "creep":
        double creepMps = words.number(2, "MPS", 0, MAX_RUNAWAY_MPS);
        words.noMoreAfter(2);
        hardware.world().drive().setCreepMps(creepMps);
        return "drive: belt never slower than " + creepMps + " m/s unless a fault latches";
      default:
        return replies(hardware.driveServer(), "drive", words);
    }
  }

  private String bws(Words words) throws NotACommand {
    String what = words.word(1, "motor, sensor, watchdog, delay or drop");
    switch (what) {
      case "motor":
        words.noMoreAfter(1);
        hardware.world().bws().injectMotorFault();
        return "bws: motor fault latched";
      case "sensor":
        return onOff(
            words, 2, "on", "off", hardware.world().bws()::setSensorFault, "bws sensor fault");
      case "watchdog":
        return onOff(
            words,
            2,
            "ignore",
            "obey",
            hardware.world().bws()::setIgnoresWatchdogWrites,
            "bws watchdog writes");
      case "gain":
        double gain = words.number(2, "FACTOR", MIN_GAIN, MAX_GAIN);
        words.noMoreAfter(2);
        hardware.world().bws().setSensorGain(gain);
        return "bws: force sensor reads " + gain + " x the cable tension";
      default:
        return replies(hardware.bwsServer(), "bws", words);
    }
  }

  private static String replies(ModbusEmulatorServer server, String name, Words words)
      throws NotACommand {
    String what = words.word(1, "delay, drop or disconnect");
    switch (what) {
      case "disconnect":
        words.noMoreAfter(1);
        try {
          int reset = server.resetTcpConnections();
          return name + ": " + reset + " TCP connection(s) reset";
        } catch (IllegalStateException e) {
          throw new NotACommand(e.getMessage());
        }
      case "delay":
        int delayMs = words.count(2, "MS", MAX_DELAY_MS);
        words.noMoreAfter(2);
        server.replyFaults().setDelayMs(delayMs);
        return name + ": replies delayed by " + delayMs + " ms";
      case "drop":
        return onOff(words, 2, "on", "off", server.replyFaults()::setDropReplies, name + " drop");
      default:
        throw new NotACommand("'" + name + " " + what + "' is not a " + name + " command");
    }
  }

  private String patient(Words words) throws NotACommand {
    String what = words.word(1, "speed or asymmetry");
    switch (what) {
      case "speed":
        return patientSpeed(words);
      case "asymmetry":
        return patientAsymmetry(words);
      default:
        throw new NotACommand("'patient " + what + "' is not a patient command");
    }
  }

  private String patientSpeed(Words words) throws NotACommand {
    String value = words.word(2, "MPS or belt");
    words.noMoreAfter(2);
    if (value.equals("belt")) {
      hardware.patient().walkAtScheduledSpeed();
      return "patient: walks at the belt's speed (or its schedule's) again";
    }
    double speedMps =
        words.number(
            2, "MPS", IntendedSpeedSchedule.MIN_SPEED_MPS, IntendedSpeedSchedule.MAX_SPEED_MPS);
    hardware.patient().walkAtInjectedSpeed(speedMps);
    return "patient: means to walk at " + speedMps + " m/s";
  }

  /** The profile's ranges ({@link PatientSettings}); step length as stance when left out. */
  private String patientAsymmetry(Words words) throws NotACommand {
    SettingRange stanceRange = PatientSettings.STANCE_ASYMMETRY_PERCENT;
    SettingRange stepLengthRange = PatientSettings.STEP_LENGTH_ASYMMETRY_PERCENT;
    double stancePercent = words.number(2, "STANCE_PERCENT", stanceRange.min(), stanceRange.max());
    double stepLengthPercent = stancePercent;
    if (words.words().length > 3) {
      stepLengthPercent =
          words.number(3, "STEP_LENGTH_PERCENT", stepLengthRange.min(), stepLengthRange.max());
      words.noMoreAfter(3);
    }
    hardware.patient().walkWithAsymmetry(new PatientAsymmetry(stancePercent, stepLengthPercent));
    return "patient: walks with "
        + stancePercent
        + " % stance-time and "
        + stepLengthPercent
        + " % step-length asymmetry from its next stride";
  }

  private String grid(Words words) throws NotACommand {
    String grid = words.word(2, "RxC (rows x columns) or own");
    words.noMoreAfter(2);
    if (grid.equals("own")) {
      hardware.pressureBeltDevice().sendOwnGrid();
      return "pbu: frames of the belt's own grid";
    }
    String[] parts = grid.split("x", -1);
    try {
      if (parts.length != 2) {
        throw new NumberFormatException(grid);
      }
      int rows = Integer.parseInt(parts[0]);
      int cols = Integer.parseInt(parts[1]);
      hardware.pressureBeltDevice().sendGrid(rows, cols);
      return "pbu: frames of " + rows + " x " + cols + " cells";
    } catch (NumberFormatException e) {
      throw new NotACommand("pbu grid: expected RxC (e.g. 64x56) or own, not '" + grid + "'");
    } catch (IllegalArgumentException e) {
      throw new NotACommand("pbu grid " + grid + ": " + e.getMessage());
    }
  }

  private String stream(StreamFaults faults, String name, Words words) throws NotACommand {
    String what =
        words.word(1, "stop, resume, crc, crc-rate, drop, sensor, overload, grid or bridge");
    switch (what) {
      case "grid":
        if (name.equals("pbu")) {
          return grid(words);
        }
        throw new NotACommand("the load-cell amplifier has no grid (did you mean 'pbu grid'?)");
      case "stop":
        words.noMoreAfter(1);
        faults.stopStreaming();
        return name + ": streaming stopped";
      case "resume":
        words.noMoreAfter(1);
        faults.resumeStreaming();
        return name + ": streaming resumed";
      case "crc":
        int corrupt = words.count(2, "N", MAX_COUNT);
        words.noMoreAfter(2);
        faults.corruptCrcOfNext(corrupt);
        return name + ": corrupting the CRC of the next " + corrupt + " messages";
      case "crc-rate":
        double rate = words.number(2, "R", 0, 1);
        words.noMoreAfter(2);
        faults.corruptCrcAtRate(rate);
        return name + ": corrupting the CRC of " + rate + " of the messages";
      case "drop":
        int drop = words.count(2, "N", MAX_COUNT);
        words.noMoreAfter(2);
        faults.dropNextFrames(drop);
        return name + ": dropping the next " + drop + " samples";
      case "sensor":
        return onOff(words, 2, "on", "off", faults::setSensorFault, name + " sensor fault");
      case "overload":
        return onOff(words, 2, "on", "off", faults::setOverload, name + " overload");
      case "bridge":
        if (name.equals("lca")) {
          return onOff(
              words, 2, "open", "closed", hardware.world().loadCell()::setBridgeOpen, "lca bridge");
        }
        throw new NotACommand("the pressure-belt unit has no bridge (did you mean 'lca bridge'?)");
      default:
        throw new NotACommand("'" + name + " " + what + "' is not a " + name + " command");
    }
  }

  private static String onOff(
      Words words, int index, String onWord, String offWord, Consumer<Boolean> action, String what)
      throws NotACommand {
    String word = words.word(index, onWord + " or " + offWord);
    if (!word.equals(onWord) && !word.equals(offWord)) {
      throw new NotACommand(
          what + ": expected " + onWord + " or " + offWord + ", not '" + word + "'");
    }
    words.noMoreAfter(index);
    action.accept(word.equals(onWord));
    return what + ": " + word;
  }

  /** The words of one command line, with the checks that make a bad line a one-line answer. */
  private record Words(String[] words) {

    String word(int index, String expected) throws NotACommand {
      if (index >= words.length) {
        throw new NotACommand(String.join(" ", words) + ": expected " + expected);
      }
      return words[index];
    }

    /** A whole number from 0 to {@code max}. */
    int count(int index, String name, int max) throws NotACommand {
      String word = word(index, name + " (0 to " + max + ")");
      String problem =
          String.join(" ", words) + ": " + name + " must be a whole number from 0 to " + max;
      int value;
      try {
        value = Integer.parseInt(word);
      } catch (NumberFormatException e) {
        throw new NotACommand(problem);
      }
      if (value < 0 || value > max) {
        throw new NotACommand(problem);
      }
      return value;
    }

    /** A decimal number from {@code min} to {@code max}. */
    double number(int index, String name, double min, double max) throws NotACommand {
      String word = word(index, name + " (" + min + " to " + max + ")");
      String problem =
          String.join(" ", words) + ": " + name + " must be a number from " + min + " to " + max;
      double value;
      try {
        value = Double.parseDouble(word);
      } catch (NumberFormatException e) {
        throw new NotACommand(problem);
      }
      if (!(value >= min && value <= max)) {
        throw new NotACommand(problem);
      }
      return value;
    }

    void noMoreAfter(int index) throws NotACommand {
      if (words.length > index + 1) {
        throw new NotACommand(
            "'" + words[index + 1] + "' is one word too many in '" + String.join(" ", words) + "'");
      }
    }
  }

  /** A line that is not a command; its message is the one-line answer. */
  private static final class NotACommand extends Exception {

    NotACommand(String message) {
      super(message);
    }
  }
}
