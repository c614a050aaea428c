package org.gaitctl.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.gaitctl.sim.modbus.ModbusEmulatorServer;
import org.gaitctl.sim.stream.StreamFaults;

/**
 * Fault injection by typed command, for a test engineer at {@code gaitctl sim}: one line, one
 * fault. Unknown or malformed commands are answered with the usage; nothing is half-applied.
 */
final class FaultConsole {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "fault injection commands:",
          "  estop open|close          open or close the drive's e-stop chain",
          "  key out|in                remove or insert the safety key",
          "  drive overcurrent|overtemp|incline   latch a drive fault",
          "  drive delay MS | drive drop on|off   delay or drop the drive's Modbus replies",
          "  bws delay MS | bws drop on|off       the same for the BWS unit",
          "  bws motor | bws sensor on|off        BWS motor fault, BWS sensor fault",
          "  fall | stumble            the patient falls into the harness / stumbles",
          "  recover                   the fallen patient stands up again",
          "  pbu|lca stop|resume       stop or resume streaming",
          "  pbu|lca crc N             corrupt the CRC of the next N messages",
          "  pbu|lca drop N            drop the next N samples (sequence gap)",
          "  pbu sensor on|off         PBU sensor-fault flag",
          "  lca overload on|off       load-cell overload flag",
          "  lca bridge open|closed    load-cell bridge open (sensor fault)",
          "  help | quit");

  private final EmulatedHardware hardware;
  private final PrintWriter out;

  FaultConsole(EmulatedHardware hardware, PrintWriter out) {
    this.hardware = hardware;
    this.out = out;
  }

  /** Executes one command line; returns false for {@code quit}. */
  boolean execute(String line) {
    String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return true;
    }
    if (words[0].equals("quit") || words[0].equals("exit")) {
      return false;
    }
    String result;
    try {
      result = apply(words);
    } catch (NumberFormatException e) {
      result = null;
    }
    out.println(result == null ? "? " + line.trim() + System.lineSeparator() + USAGE : result);
    out.flush();
    return true;
  }

  private String apply(String[] words) {
    String arg = words.length > 1 ? words[1] : "";
    String value = words.length > 2 ? words[2] : "";
    switch (words[0]) {
      case "help":
        return USAGE;
      case "estop":
        return onOff(arg, "open", "close", v -> hardware.world().drive().setEstopOpen(v), "e-stop");
      case "key":
        return onOff(
            arg, "out", "in", v -> hardware.world().drive().setSafetyKeyOut(v), "safety key");
      case "fall":
        hardware.world().injectFall();
        hardware.patient().fall();
        return "patient falls into the harness";
      case "stumble":
        hardware.world().injectStumble(0.5, 0.3);
        hardware.patient().stumble();
        return "patient stumbles";
      case "recover":
        hardware.patient().recover();
        return "patient stands up again";
      case "drive":
        return drive(arg, value);
      case "bws":
        return bws(arg, value);
      case "pbu":
        return stream(hardware.pressureBelt().faults(), "pbu", arg, value);
      case "lca":
        return stream(hardware.loadCell().faults(), "lca", arg, value);
      default:
        return null;
    }
  }

  private String drive(String arg, String value) {
    switch (arg) {
      case "overcurrent":
        hardware.world().drive().injectOvercurrent();
        return "drive: overcurrent fault latched";
      case "overtemp":
        hardware.world().drive().setOvertemperature(true);
        return "drive: overtemperature";
      case "incline":
        hardware.world().drive().injectInclineMotorFault();
        return "drive: incline motor fault latched";
      default:
        return replies(hardware.driveServer(), "drive", arg, value);
    }
  }

  private String bws(String arg, String value) {
    switch (arg) {
      case "motor":
        hardware.world().bws().injectMotorFault();
        return "bws: motor fault latched";
      case "sensor":
        return onOff(
            value, "on", "off", v -> hardware.world().bws().setSensorFault(v), "bws sensor fault");
      default:
        return replies(hardware.bwsServer(), "bws", arg, value);
    }
  }

  private static String replies(
      ModbusEmulatorServer server, String name, String arg, String value) {
    if (arg.equals("delay")) {
      int delayMs = Integer.parseInt(value);
      server.replyFaults().setDelayMs(delayMs);
      return name + ": replies delayed by " + delayMs + " ms";
    }
    if (arg.equals("drop")) {
      return onOff(
          value, "on", "off", v -> server.replyFaults().setDropReplies(v), name + " reply drop");
    }
    return null;
  }

  private String stream(StreamFaults faults, String name, String arg, String value) {
    switch (arg) {
      case "stop":
        faults.stopStreaming();
        return name + ": streaming stopped";
      case "resume":
        faults.resumeStreaming();
        return name + ": streaming resumed";
      case "crc":
        int corrupt = Integer.parseInt(value);
        faults.corruptCrcOfNext(corrupt);
        return name + ": corrupting the CRC of the next " + corrupt + " messages";
      case "drop":
        int drop = Integer.parseInt(value);
        faults.dropNextFrames(drop);
        return name + ": dropping the next " + drop + " samples";
      case "sensor":
        return onOff(value, "on", "off", faults::setSensorFault, name + " sensor fault");
      case "overload":
        return onOff(value, "on", "off", faults::setOverload, name + " overload");
      case "bridge":
        return onOff(
            value,
            "open",
            "closed",
            v -> hardware.world().loadCell().setBridgeOpen(v),
            "lca bridge");
      default:
        return null;
    }
  }

  private static String onOff(
      String word, String onWord, String offWord, Consumer<Boolean> action, String what) {
    if (word.equals(onWord) || word.equals(offWord)) {
      boolean on = word.equals(onWord);
      action.accept(on);
      return what + ": " + word;
    }
    return null;
  }
}
