package org.gaitctl.app;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.hmi.console.ConsoleWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl console}: the therapist console (Swing) on the configured devices, or on the
 * built-in emulators in-process as {@code gaitctl session} runs them. Returns when the window is
 * closed; closing stops the belt through the supervisor.
 */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "Open the therapist console: patient and protocol setup, pre-session checks, live view of"
          + " speed, incline, measured unloading, foot forces and step symmetry, the controls and"
          + " the alarms.",
      "Without --devices, the built-in emulators are started in-process on real transports.",
      "Keys: Space or Esc stop the belt (controlled stop, harness held)."
    })
final class ConsoleCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private ProfileOption profile;

  @Mixin private EmulationOptions emulation;

  @Option(
      names = "--protocol",
      paramLabel = "FILE|NAME",
      description =
          "The protocol chosen at start: a file or a library name (default: ${DEFAULT-VALUE}).")
  private String protocolName = "demo";

  @Option(
      names = "--body-mass",
      paramLabel = "KG",
      description =
          "The body mass the setup starts with, kg, 20..250 (default: the profile's"
              + " simulation.patient.bodyMassKg).")
  private Double bodyMassKg;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for the session files (default: ~/.gaitctl/sessions/<date-time>-<patient>/).")
  private Path outDir;

  @Option(
      names = "--screenshot",
      paramLabel = "DIR",
      hidden = true,
      description =
          "Save console-setup.png and console-live.png into DIR (the demo running for"
              + " --screenshot-after seconds), then close.")
  private Path screenshotDir;

  @Option(names = "--screenshot-after", paramLabel = "S", hidden = true)
  private int screenshotAfterS = 40;

  @Override
  public Integer call() throws InterruptedException, InvocationTargetException {
    DevicesConfig devices = profile.load();
    double massKg = bodyMassKg != null ? bodyMassKg : devices.simulation().patient().bodyMassKg();
    if (!PatientLimits.BODY_MASS_KG.contains(massKg)) {
      throw new UserError(
          "--body-mass " + massKg + " kg is outside " + PatientLimits.BODY_MASS_KG + " kg");
    }
    if (GraphicsEnvironment.isHeadless()) {
      throw new UserError(
          "the console needs a display (none here: DISPLAY unset or java.awt.headless=true);"
              + " `gaitctl session` runs a protocol on a terminal");
    }
    PrintWriter out = spec.commandLine().getOut();
    ConsoleDevices backend =
        new ConsoleDevices(devices, emulation.emulated(profile), outDir, out, Optional.empty());
    CountDownLatch closed = new CountDownLatch(1);
    ConsoleWindow[] window = new ConsoleWindow[1];
    SwingUtilities.invokeAndWait(
        () -> {
          FlatLightLaf.setup();
          window[0] = new ConsoleWindow(backend, protocolName, massKg);
          window[0].onClosed(closed::countDown);
          window[0].open();
        });
    out.println("Console open. Space or Esc: STOP. Close the window to end.");
    out.flush();
    if (screenshotDir != null) {
      ConsoleScreenshots.take(window[0], screenshotDir, screenshotAfterS, out);
    }
    closed.await();
    return ExitCodes.DONE;
  }
}
