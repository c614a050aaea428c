package org.gaitctl.core.pipeline;

/**
 * The stages of the ring, in the order a single thread runs them. Each stage stamps its finish time
 * into {@link RingEvent#stageFinishNs(StageId)} and has its own latency recorder and counters.
 */
public enum StageId {
  /** Input freshness and per-kind counts for the safety supervisor; sees every event. */
  SAFETY_MONITOR,
  /** Load sample to measured unloading. */
  LOAD_CELL,
  /** Pressure frame to per-foot force, centre of pressure and contact. */
  FOOT_CONTACT,
  /** Heel strike and toe off per foot. */
  GAIT_EVENTS,
  /** Step and stride metrics, symmetry. */
  STEPS,
  /** Hands a completed step record to the {@link StepListener}, on the steps thread. */
  STEP_PUBLICATION,
  /** Latest-value display snapshot for the console and CLI. */
  SNAPSHOT;

  /** Number of stages; {@code values()} allocates, this does not. */
  public static final int COUNT = values().length;
}
