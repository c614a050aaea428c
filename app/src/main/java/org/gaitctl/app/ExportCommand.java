package org.gaitctl.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gaitctl.core.export.C3dExport;
import org.gaitctl.core.export.CsvExport;
import org.gaitctl.core.export.JournalForces;
import org.gaitctl.core.journal.JournalReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl export JOURNAL --csv DIR | --c3d FILE}: a session journal's per-foot force, steps,
 * events, commands and faults as CSV, or its force and gait events as a C3D file (docs/JOURNAL.md,
 * "Export").
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a session journal: per-foot force (CSV that 'gaitctl analyze' reads), steps,"
          + " events, commands and faults as CSV, or force and gait events as C3D.",
      "A journal cut short is exported up to its last good record; the command says where it"
          + " stopped and exits with 2."
    })
final class ExportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "JOURNAL", description = "The session journal (journal.gjl).")
  private Path journalFile;

  @ArgGroup(multiplicity = "1")
  private Target target;

  /** Exactly one of the two formats. */
  static final class Target {
    @Option(names = "--csv", paramLabel = "DIR", description = "Write CSV files into DIR.")
    Path csvFolder;

    @Option(names = "--c3d", paramLabel = "FILE", description = "Write a C3D file.")
    Path c3dFile;
  }

  @Override
  public Integer call() {
    JournalReader.Contents journal = read();
    JournalForces forces;
    try {
      forces = JournalForces.of(journal);
    } catch (IllegalArgumentException e) {
      throw new UserError(journalFile + ": " + e.getMessage(), e);
    }
    try {
      if (target.csvFolder != null) {
        CsvExport.write(journal, forces, target.csvFolder);
        spec.commandLine()
            .getOut()
            .printf(
                "%s: %d frames, %d events to %s%n",
                journalFile, forces.timeS().length, forces.events().size(), target.csvFolder);
      } else {
        double rateHz = C3dExport.write(forces, target.c3dFile);
        spec.commandLine()
            .getOut()
            .printf(
                "%s: %d frames resampled to %.0f Hz, %d events to %s%n",
                journalFile, forces.timeS().length, rateHz, forces.events().size(), target.c3dFile);
      }
    } catch (IllegalArgumentException e) {
      throw new UserError("cannot export " + journalFile + ": " + e.getMessage(), e);
    } catch (IOException e) {
      Path where = target.csvFolder != null ? target.csvFolder : target.c3dFile;
      throw new UserError("cannot write the export to " + where + ": " + e, e);
    }
    if (!journal.result().complete()) {
      spec.commandLine()
          .getErr()
          .printf(
              "gaitctl: journal %s ends early: %s; exported up to its last good record%n",
              journalFile, journal.result().describe());
      return ExitCodes.USAGE_OR_CONFIGURATION;
    }
    return ExitCodes.DONE;
  }

  private JournalReader.Contents read() {
    JournalReader.Contents journal;
    try {
      journal = JournalReader.readAll(journalFile);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + journalFile, e);
    } catch (IOException e) {
      throw new UserError(journalFile + ": " + e.getMessage(), e);
    }
    if (journal.records().isEmpty() && !journal.result().complete()) {
      // Nothing good before the stop (not a journal at all): nothing to export.
      throw new UserError("cannot export " + journalFile + ": " + journal.result().describe());
    }
    return journal;
  }
}
