package org.gaitctl.core.pipeline;

/**
 * Sees every event in parallel with the analysis stages and keeps, for the safety supervisor, the
 * arrivals of every input and the per-kind input counters. It decides nothing itself: the
 * supervisor runs on its own thread and clock and reads {@link InputArrivals} and {@link
 * PipelineCounters}.
 */
final class SafetyMonitorStage implements PipelineStage {

  private final InputArrivals arrivals;
  private final PipelineCounters counters;

  SafetyMonitorStage(InputArrivals arrivals, PipelineCounters counters) {
    this.arrivals = arrivals;
    this.counters = counters;
  }

  @Override
  public boolean handles(EventKind kind) {
    return true;
  }

  @Override
  public void process(RingEvent event) {
    long arrivalNs = event.arrivalNs();
    switch (event.kind()) {
      case PRESSURE_FRAME -> {
        arrivals.arrived(
            event.frame().belt() == 0
                ? PipelineInput.PRESSURE_BELT_LEFT_OR_ONLY
                : PipelineInput.PRESSURE_BELT_RIGHT,
            arrivalNs);
        counters.incrementOrdered(PipelineCounter.PRESSURE_FRAMES);
      }
      case LOAD_SAMPLE -> {
        arrivals.arrived(PipelineInput.LOAD_CELL, arrivalNs);
        counters.incrementOrdered(PipelineCounter.LOAD_SAMPLES);
      }
      case DRIVE_STATUS -> {
        // A failed read is not a fresh status: the supervisor must see the drive go silent.
        if (event.drive().readOk()) {
          arrivals.arrived(PipelineInput.DRIVE_STATUS, arrivalNs);
        }
        counters.incrementOrdered(PipelineCounter.DRIVE_STATUS_READS);
      }
      case BWS_STATUS -> {
        if (event.bws().readOk()) {
          arrivals.arrived(PipelineInput.BWS_STATUS, arrivalNs);
        }
        counters.incrementOrdered(PipelineCounter.BWS_STATUS_READS);
      }
      case CONTROL_TICK -> {
        arrivals.arrived(PipelineInput.CONTROL_TICK, arrivalNs);
        counters.incrementOrdered(PipelineCounter.CONTROL_TICKS);
      }
      case OPERATOR_COMMAND -> {
        arrivals.arrived(PipelineInput.OPERATOR_COMMAND, arrivalNs);
        counters.incrementOrdered(PipelineCounter.OPERATOR_COMMANDS);
      }
      case NONE -> {
        // Unreachable: the runner never passes unfilled slots to a stage.
      }
    }
  }
}
