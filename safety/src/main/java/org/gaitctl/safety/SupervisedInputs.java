package org.gaitctl.safety;

import java.util.List;
import java.util.Objects;

/**
 * Everything the supervisor watches besides the device statuses, wired in by the integrator with
 * lambdas over the readers' and the pipeline's own counters.
 *
 * @param pressureBelts each belt of the pressure-belt unit (one, or left and right), each watched
 *     for silence on its own
 * @param pressureUnitStatus the pressure-belt unit's latest STATUS flags
 * @param loadCell the harness load cell's latest sample (a {@link LoadCellTap})
 * @param stages pipeline stages whose progress is watched (may be empty)
 * @param handlerExceptions the pipeline's count of exceptions thrown by its handlers
 * @param rejectedFrames the pipeline's count of pressure frames refused at the publisher
 * @param patientPosition where the patient walks on the belt (a {@link PatientPositionTap}), or
 *     {@link PatientPositionInput#NONE}
 * @param unloadingExpectation the body weight and the tension the session expects (an {@link
 *     UnloadingExpectationTap}), or {@link UnloadingExpectation#NONE}: F04 and F05 then keep their
 *     absolute thresholds
 * @param journal the session journal's health (F27), or {@link JournalInput#NONE}
 * @param controlLoop the session control loop's progress (F28), or {@link ControlLoopInput#NONE}
 */
public record SupervisedInputs(
    List<SupervisedStream> pressureBelts,
    StreamStatusInput pressureUnitStatus,
    LoadCellInput loadCell,
    List<StageProgress> stages,
    ProgressCounter handlerExceptions,
    ProgressCounter rejectedFrames,
    PatientPositionInput patientPosition,
    UnloadingExpectation unloadingExpectation,
    JournalInput journal,
    ControlLoopInput controlLoop) {

  /** Inputs without a watched control loop: F28 never fires. */
  public SupervisedInputs(
      List<SupervisedStream> pressureBelts,
      StreamStatusInput pressureUnitStatus,
      LoadCellInput loadCell,
      List<StageProgress> stages,
      ProgressCounter handlerExceptions,
      ProgressCounter rejectedFrames,
      PatientPositionInput patientPosition,
      UnloadingExpectation unloadingExpectation,
      JournalInput journal) {
    this(
        pressureBelts,
        pressureUnitStatus,
        loadCell,
        stages,
        handlerExceptions,
        rejectedFrames,
        patientPosition,
        unloadingExpectation,
        journal,
        ControlLoopInput.NONE);
  }

  /** Inputs without a session journal: F27 never fires. */
  public SupervisedInputs(
      List<SupervisedStream> pressureBelts,
      StreamStatusInput pressureUnitStatus,
      LoadCellInput loadCell,
      List<StageProgress> stages,
      ProgressCounter handlerExceptions,
      ProgressCounter rejectedFrames,
      PatientPositionInput patientPosition,
      UnloadingExpectation unloadingExpectation) {
    this(
        pressureBelts,
        pressureUnitStatus,
        loadCell,
        stages,
        handlerExceptions,
        rejectedFrames,
        patientPosition,
        unloadingExpectation,
        JournalInput.NONE);
  }

  /** Inputs without an unloading expectation: F04 and F05 keep their absolute thresholds. */
  public SupervisedInputs(
      List<SupervisedStream> pressureBelts,
      StreamStatusInput pressureUnitStatus,
      LoadCellInput loadCell,
      List<StageProgress> stages,
      ProgressCounter handlerExceptions,
      ProgressCounter rejectedFrames,
      PatientPositionInput patientPosition) {
    this(
        pressureBelts,
        pressureUnitStatus,
        loadCell,
        stages,
        handlerExceptions,
        rejectedFrames,
        patientPosition,
        UnloadingExpectation.NONE);
  }

  /** Inputs without a patient position: the "patient near belt end" check never fires. */
  public SupervisedInputs(
      List<SupervisedStream> pressureBelts,
      StreamStatusInput pressureUnitStatus,
      LoadCellInput loadCell,
      List<StageProgress> stages,
      ProgressCounter handlerExceptions,
      ProgressCounter rejectedFrames) {
    this(
        pressureBelts,
        pressureUnitStatus,
        loadCell,
        stages,
        handlerExceptions,
        rejectedFrames,
        PatientPositionInput.NONE);
  }

  public SupervisedInputs {
    pressureBelts = List.copyOf(pressureBelts);
    if (pressureBelts.isEmpty()) {
      throw new IllegalArgumentException("at least one pressure belt must be supervised");
    }
    Objects.requireNonNull(pressureUnitStatus, "pressureUnitStatus");
    Objects.requireNonNull(loadCell, "loadCell");
    Objects.requireNonNull(handlerExceptions, "handlerExceptions");
    Objects.requireNonNull(rejectedFrames, "rejectedFrames");
    Objects.requireNonNull(patientPosition, "patientPosition");
    Objects.requireNonNull(unloadingExpectation, "unloadingExpectation");
    Objects.requireNonNull(journal, "journal");
    stages = List.copyOf(stages);
  }
}
