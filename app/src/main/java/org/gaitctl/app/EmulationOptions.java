package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.hil.EmulatedHardware;
import picocli.CommandLine.Option;

/**
 * Whether a command talks to the built-in emulators or to real devices ({@code --emulate}, {@code
 * --real-devices}), and the start of the emulators it then needs, shared by the commands that run a
 * session.
 */
final class EmulationOptions {

  @Option(
      names = "--real-devices",
      description =
          "Use the devices at the profile's addresses as they are, without starting emulators"
              + " (the default when --devices is given).")
  private boolean realDevices;

  @Option(
      names = "--emulate",
      description = "Start the built-in emulators for the profile even when --devices is given.")
  private boolean emulate;

  /** Emulators by default for the built-in profile, real devices for a profile of one's own. */
  boolean emulated(ProfileOption profile) {
    return emulate || (profile.isDefault() && !realDevices);
  }

  /**
   * Starts the emulators of {@code emulatedProfile} in-process on real transports and lists where
   * they listen.
   *
   * @param groundTruthCsv where the emulated patient writes its ground truth, or null
   * @throws UserError when they cannot start (a taken port, no socat), with the reason
   */
  static EmulatedHardware start(
      DevicesConfig emulatedProfile, Path groundTruthCsv, PrintWriter out) {
    try {
      EmulatedHardware hardware =
          EmulatedHardware.startIsolated(
              emulatedProfile,
              NanoClock.SYSTEM,
              Path.of(System.getProperty("java.io.tmpdir"), "gaitctl"),
              groundTruthCsv);
      out.println("Emulated hardware (in-process, real transports):");
      for (Map.Entry<String, String> entry : hardware.listening().entrySet()) {
        out.printf("  %-40s %s%n", entry.getKey(), entry.getValue());
      }
      out.flush();
      return hardware;
    } catch (IOException e) {
      throw new UserError("cannot start the emulated hardware: " + e.getMessage(), e);
    }
  }
}
