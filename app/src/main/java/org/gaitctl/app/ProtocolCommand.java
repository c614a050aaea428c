package org.gaitctl.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.ProtocolCheck;
import org.gaitctl.config.ProtocolLibrary;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.ProtocolTotals;
import org.gaitctl.config.protocol.TherapyProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl protocol list|check}: the protocol library, and a protocol checked against a
 * patient's body mass and a device profile before any motion (docs/PROTOCOLS.md).
 */
@Command(
    name = "protocol",
    mixinStandardHelpOptions = true,
    description = "List the therapy protocol library, or check a protocol for a patient.",
    subcommands = {ProtocolCommand.ListCommand.class, ProtocolCommand.CheckCommand.class})
final class ProtocolCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code gaitctl protocol list}: every library protocol with its stages and total time. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the library's protocols: name, stages, total time, what it is for.")
  static final class ListCommand implements Runnable {

    @Spec private CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-24s %6s  %-11s %s%n", "NAME", "STAGES", "TIME", "DESCRIPTION");
      for (String name : ProtocolLibrary.NAMES) {
        TherapyProtocol protocol = ProtocolLibrary.load(name).protocol();
        out.printf(
            "%-24s %6d  %-11s %s%n",
            name,
            protocol.stages().size(),
            ProtocolText.duration(ProtocolTotals.of(protocol)),
            protocol.description());
      }
    }
  }

  /** {@code gaitctl protocol check FILE|NAME}: the stages as a table, or every error (exit 2). */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Check a protocol against the patient's body mass and the device profile's limits, and",
        "print its stages; or print every error and exit with 2."
      })
  static final class CheckCommand implements Runnable {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "FILE|NAME", description = "A protocol file, or a library name.")
    private String fileOrName;

    @Option(
        names = "--body-mass",
        paramLabel = "KG",
        description = "The patient's body mass, kg, 20..250 (default: ${DEFAULT-VALUE}).")
    private double bodyMassKg = 75;

    @Mixin private ProfileOption profile;

    @Override
    public void run() {
      if (!PatientLimits.BODY_MASS_KG.contains(bodyMassKg)) {
        throw new UserError(
            String.format(
                Locale.ROOT,
                "--body-mass %s kg is outside %s kg",
                bodyMassKg,
                PatientLimits.BODY_MASS_KG));
      }
      DevicesConfig devices = profile.load();
      ProtocolDocument document = ProtocolSource.resolve(fileOrName);
      PatientLimits patient = PatientLimits.forBodyMass(bodyMassKg, devices.limits());
      ProtocolCheck.requireRunnable(document, patient, devices.limits());
      print(spec.commandLine().getOut(), document, devices);
    }

    private void print(PrintWriter out, ProtocolDocument document, DevicesConfig devices) {
      TherapyProtocol protocol = document.protocol();
      out.printf(
          "Protocol %s (%s): %s%n", protocol.name(), document.source(), protocol.description());
      out.printf(
          Locale.ROOT, "Patient %.1f kg; device profile %s%n%n", bodyMassKg, devices.source());
      out.printf(
          "%2s  %-20s %-8s %-15s %9s %14s %12s %7s%n",
          "#",
          "STAGE",
          "LENGTH",
          "SPEED m/s",
          "INCLINE %",
          "UNLOADING %BW",
          "UNLOADING N",
          "RAMP s");
      int number = 1;
      for (ProtocolStage stage : protocol.stages()) {
        out.printf(
            Locale.ROOT,
            "%2d  %-20s %-8s %-15s %9.1f %14.1f %12.1f %7.1f%n",
            number++,
            stage.name(),
            ProtocolText.length(stage),
            ProtocolText.speed(stage),
            stage.inclinePercent(),
            stage.unloadingPercentBw(),
            stage.unloadingN(bodyMassKg),
            stage.rampS());
      }
      ProtocolTotals totals = ProtocolTotals.of(protocol);
      out.printf(
          "%nTotal: %s (min:s), %s%n",
          ProtocolText.duration(totals), ProtocolText.distance(totals));
      protocol
          .cadenceTargetStepsPerMin()
          .ifPresent(
              cadence -> out.printf(Locale.ROOT, "Cadence target: %.0f steps/min%n", cadence));
      protocol
          .symmetryTarget()
          .ifPresent(
              zone ->
                  out.printf(
                      Locale.ROOT,
                      "Symmetry target: |SI| <= %.1f %% stance time, <= %.1f %% step length%n",
                      zone.maxStanceTimeSiPercent(),
                      zone.maxStepLengthSiPercent()));
      out.println("OK: within the device profile's limits and the patient's.");
    }
  }
}
