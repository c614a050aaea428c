package org.gaitctl.session.protocol;

/** Where a protocol run is. */
public enum ExecutorState {
  /** Created; {@link ProtocolExecutor#start} not called. */
  READY,
  /** The session arms, prepares and takes up the harness; the belt has not moved. */
  STARTING,
  /** A stage runs. */
  RUNNING,
  /** Paused by the therapist: belt at 0, unloading held, stage clock stopped. */
  PAUSED,
  /**
   * The protocol ended (completed or stopped); the belt is being stopped through the supervisor.
   */
  FINISHING,
  /** Over: {@link ProtocolExecutor#summary()} holds the outcome. */
  ENDED;

  boolean stageActive() {
    return this == RUNNING || this == PAUSED;
  }
}
