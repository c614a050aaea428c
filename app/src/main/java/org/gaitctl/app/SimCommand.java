package org.gaitctl.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.hil.EmulatedHardware;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl sim}: every emulator of a profile as a standalone process, for a controller or a
 * third-party master (mbpoll, a PLC) to talk to. Fault injection commands are read from standard
 * input.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Run the emulated treadmill drive, BWS unit, pressure-belt unit and load-cell amplifier"
          + " on real transports, where the profile says the devices are, until Ctrl-C.",
      "Type 'help' for fault injection commands."
    })
final class SimCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Mixin private ProfileOption profile;

  @Option(
      names = "--ground-truth",
      paramLabel = "CSV",
      description = "Write the emulated patient's ground truth (one row per step) to this file.")
  private Path groundTruthCsv;

  @Option(
      names = "--event-log",
      paramLabel = "FILE",
      description =
          "Write what happens to the emulated devices as JSON lines to this file: register writes,"
              + " injected faults, latched faults and watchdog trips, the devices' state every"
              + " 20 ms (for gaitctl hil; format in docs/HIL.md).")
  private Path eventLog;

  @Option(
      names = "--no-console",
      description = "Do not read fault injection commands from standard input.")
  private boolean noConsole;

  @Override
  public void run() {
    DevicesConfig devices = profile.load();
    PrintWriter out = spec.commandLine().getOut();
    EmulatedHardware hardware;
    try {
      hardware = EmulatedHardware.start(devices, NanoClock.SYSTEM, groundTruthCsv, eventLog);
    } catch (IOException e) {
      throw new UserError("cannot start the emulators: " + e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  hardware.close();
                  stopped.countDown();
                },
                "sim-shutdown"));
    out.println("gaitctl sim: emulated hardware of " + devices.source());
    for (Map.Entry<String, String> entry : hardware.listening().entrySet()) {
      out.printf("  %-40s %s%n", entry.getKey(), entry.getValue());
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    if (!noConsole) {
      runConsole(new FaultConsole(hardware, out));
    }
    awaitShutdown(stopped);
  }

  private static void runConsole(FaultConsole console) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      if (console.run(in)) {
        System.exit(0);
      }
    } catch (IOException e) {
      throw new UserError("reading fault commands from standard input failed: " + e, e);
    }
  }

  private static void awaitShutdown(CountDownLatch stopped) {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
