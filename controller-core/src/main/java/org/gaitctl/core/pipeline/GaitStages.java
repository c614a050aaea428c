package org.gaitctl.core.pipeline;

import java.util.Objects;

/**
 * The three gait-analysis stages the pipeline runs in series on pressure frames. Each is stateful
 * and owned by the pipeline once assembled: one instance per pipeline.
 *
 * @param footContact frame to per-foot force, centre of pressure and contact ({@link
 *     RingEvent#foot})
 * @param gaitEvents contact to heel strike and toe off ({@link RingEvent#gaitEvents()})
 * @param steps gait events to a completed {@link StepRecord} ({@link RingEvent#step()})
 */
public record GaitStages(PipelineStage footContact, PipelineStage gaitEvents, PipelineStage steps) {

  public GaitStages {
    Objects.requireNonNull(footContact, "footContact");
    Objects.requireNonNull(gaitEvents, "gaitEvents");
    Objects.requireNonNull(steps, "steps");
  }
}
