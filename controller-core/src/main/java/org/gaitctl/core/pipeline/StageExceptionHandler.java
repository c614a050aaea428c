package org.gaitctl.core.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/**
 * The exception handler of one ring thread. It never swallows: every exception is counted in {@link
 * PipelineCounter#STAGE_EXCEPTIONS}, recorded and raises the latched {@link PipelineFaults} flag
 * that the safety supervisor reads and answers with the safe stop. The thread then carries on with
 * the next event, so monitoring and the other stages stay alive; the stages after the failing one
 * on the same thread skip that event.
 */
final class StageExceptionHandler implements ExceptionHandler<RingEvent> {

  private final String handlerName;
  private final PipelineCounters counters;
  private final PipelineFaults faults;

  StageExceptionHandler(String handlerName, PipelineCounters counters, PipelineFaults faults) {
    this.handlerName = handlerName;
    this.counters = counters;
    this.faults = faults;
  }

  @Override
  public void handleEventException(Throwable ex, long sequence, RingEvent event) {
    counters.incrementAtomic(PipelineCounter.STAGE_EXCEPTIONS);
    String kind = event == null ? "unknown" : event.kind().name();
    faults.raise(
        PipelineFaultKind.STAGE_EXCEPTION,
        handlerName,
        sequence,
        "stage threw on a " + kind + " event",
        ex);
  }

  @Override
  public void handleOnStartException(Throwable ex) {
    counters.incrementAtomic(PipelineCounter.STAGE_EXCEPTIONS);
    faults.raise(PipelineFaultKind.STAGE_START_FAILED, handlerName, -1, "start hook threw", ex);
  }

  @Override
  public void handleOnShutdownException(Throwable ex) {
    counters.incrementAtomic(PipelineCounter.STAGE_EXCEPTIONS);
    faults.raise(
        PipelineFaultKind.STAGE_SHUTDOWN_FAILED, handlerName, -1, "shutdown hook threw", ex);
  }
}
