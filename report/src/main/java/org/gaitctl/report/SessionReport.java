package org.gaitctl.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * What the session report shows, read from the session journal alone: its metadata, the steps, the
 * stages with set and measured values, the filtered unloading over time, the left/right ratios over
 * time and the events. Times are s from the journal's first timed record.
 *
 * @param patientId the pseudonymous patient id the session was started with
 * @param bodyMassKg the patient's body mass, kg
 * @param sessionStart the session's start, ISO-8601 UTC, as journaled
 * @param softwareVersion the gaitctl version that recorded it
 * @param protocolName the protocol's name, or "(none)" when the journal holds no protocol
 * @param stages the stages the executor entered, in order
 * @param steps every step, heel-strike times on the report's time axis
 * @param sideMetrics per-side means and symmetry of each parameter the steps carry
 * @param ratios per charted parameter, the left/right ratio after each step once both sides have
 *     one
 * @param unloadingPercentBw filtered unloading, % body weight, at most 10 values a second
 * @param events faults, safety states, operator actions and refused commands, in time order
 * @param durationS the journal's last timed record, s
 * @param readResult how reading the journal ended (a journal cut short still gives a report)
 */
public record SessionReport(
    String patientId,
    double bodyMassKg,
    String sessionStart,
    String softwareVersion,
    String protocolName,
    List<StageReport> stages,
    List<StepRow> steps,
    List<SideMetric> sideMetrics,
    Map<StepParameter, TimeSeries> ratios,
    TimeSeries unloadingPercentBw,
    List<SessionEvent> events,
    double durationS,
    JournalReadResult readResult) {

  /** The report of the journal {@code file}. */
  public static SessionReport read(Path file) throws IOException {
    return SessionReportReader.read(file);
  }
}
