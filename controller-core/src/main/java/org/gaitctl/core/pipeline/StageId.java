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
  /**
   * Foot contact → gait events → steps → symmetry ({@link org.gaitctl.core.analysis.GaitAnalyzer}):
   * pressure frame to per-foot force and contact, heel strikes and toe offs, completed steps.
   */
  GAIT_ANALYSIS,
  /** Copies a completed step into every {@link StepFeed} subscriber's queue, on the gait thread. */
  STEP_PUBLICATION,
  /**
   * Centre of pressure along the belt per frame: where the patient walks, for the self-paced belt
   * and the supervisor's patient-position check.
   */
  PATIENT_POSITION,
  /** Latest-value display snapshot for the console and CLI. */
  SNAPSHOT,
  /** Signal histories and latest heat-map frames for the console's charts. */
  CHARTS,
  /**
   * Every input as published and what the stages derived from it, handed to the session journal's
   * writer thread ({@link org.gaitctl.core.journal.JournalStage}); last, so it sees every output
   * and delays no other stage. Passes every event by when the session has no journal.
   */
  JOURNAL;

  /** Number of stages; {@code values()} allocates, this does not. */
  public static final int COUNT = values().length;
}
