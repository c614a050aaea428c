package org.gaitctl.core.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.journal.JournalCommand;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalRecordType;
import org.gaitctl.core.recording.ReferenceEvent;

/**
 * A journal as CSV files in a folder, times in s from the first foot contact frame ({@link
 * JournalForces}): {@code forces.csv} in the format {@code gaitctl analyze} reads
 * (docs/RECORDINGS.md), one row per frame as it arrived; {@code steps.csv}, {@code events.csv},
 * {@code commands.csv} and {@code faults.csv}. Numbers are written in full precision ({@link
 * Double#toString}); text cells are quoted as RFC 4180 asks.
 */
public final class CsvExport {

  public static final String FORCES = "forces.csv";
  public static final String STEPS = "steps.csv";
  public static final String EVENTS = "events.csv";
  public static final String COMMANDS = "commands.csv";
  public static final String FAULTS = "faults.csv";

  private static final String[] STEP_PARAMETERS = {
    "stride_s",
    "stance_s",
    "swing_s",
    "step_s",
    "single_support_s",
    "double_support_s",
    "step_length_m",
    "stride_length_m",
    "step_width_m",
    "cadence_steps_per_min",
    "peak_force_n",
    "loading_rate_n_per_s",
    "impulse_n_s"
  };

  private CsvExport() {}

  /**
   * Writes the five files into {@code folder} (created if missing), replacing files of the name.
   */
  public static void write(JournalReader.Contents journal, JournalForces forces, Path folder)
      throws IOException {
    Files.createDirectories(folder);
    writeForces(forces, folder.resolve(FORCES));
    writeSteps(journal.ofType(JournalRecordType.STEP), forces, folder.resolve(STEPS));
    writeEvents(forces.events(), folder.resolve(EVENTS));
    writeCommands(journal.ofType(JournalRecordType.COMMAND), forces, folder.resolve(COMMANDS));
    writeFaults(journal.ofType(JournalRecordType.FAULT), forces, folder.resolve(FAULTS));
  }

  private static void writeForces(JournalForces f, Path file) throws IOException {
    boolean speed = f.hasBeltSpeed();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("time_s,left_fz_n,right_fz_n,left_cop_ap_m,right_cop_ap_m");
      out.write(speed ? ",belt_speed_mps\n" : "\n");
      for (int i = 0; i < f.timeS().length; i++) {
        out.write(
            f.timeS()[i]
                + ","
                + f.leftFzN()[i]
                + ","
                + f.rightFzN()[i]
                + ","
                + f.leftCopApM()[i]
                + ","
                + f.rightCopApM()[i]);
        out.write(speed ? "," + f.beltSpeedMps()[i] + "\n" : "\n");
      }
    }
  }

  private static void writeSteps(List<JournalRecord> steps, JournalForces f, Path file)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("step_index,side,heel_strike_s,toe_off_s,next_heel_strike_s");
      for (String name : STEP_PARAMETERS) {
        out.write("," + name);
      }
      out.write("\n");
      for (JournalRecord step : steps) {
        ByteBuffer p = step.payload();
        StringBuilder row = new StringBuilder();
        row.append(p.getLong(8)).append(',').append(p.get(16) == 0 ? "left" : "right");
        row.append(',').append(f.secondsOf(p.getLong(17)));
        row.append(',').append(f.secondsOf(p.getLong(25)));
        row.append(',').append(f.secondsOf(p.getLong(33)));
        for (int k = 0; k < STEP_PARAMETERS.length; k++) {
          row.append(',').append(p.getDouble(41 + 8 * k));
        }
        out.write(row.append('\n').toString());
      }
    }
  }

  private static void writeEvents(List<ReferenceEvent> events, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("time_s,side,kind\n");
      for (ReferenceEvent e : events) {
        out.write(e.timeS() + "," + e.side().name().toLowerCase(Locale.ROOT) + ",");
        out.write(e.kind().name().toLowerCase(Locale.ROOT) + "\n");
      }
    }
  }

  private static void writeCommands(List<JournalRecord> commands, JournalForces f, Path file)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("time_s,command,argument,result\n");
      for (JournalRecord record : commands) {
        JournalCommand command = record.command();
        out.write(f.secondsOf(command.timeNs()) + "," + quoted(command.name()) + ",");
        double argument = command.argument();
        out.write((Double.isNaN(argument) ? "" : Double.toString(argument)) + ",");
        out.write(quoted(command.result()) + "\n");
      }
    }
  }

  private static void writeFaults(List<JournalRecord> faults, JournalForces f, Path file)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("time_s,code,detail\n");
      for (JournalRecord fault : faults) {
        String[] codeDetail = fault.texts();
        out.write(f.secondsOf(fault.timeNs()) + "," + quoted(codeDetail[0]) + ",");
        out.write(quoted(codeDetail[1]) + "\n");
      }
    }
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
