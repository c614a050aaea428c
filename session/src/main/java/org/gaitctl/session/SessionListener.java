package org.gaitctl.session;

/**
 * Told of a session's state changes and refused commands, on the session's thread; must not block.
 * The terminal prints it, the console shows it, the HIL runner records it.
 */
public interface SessionListener {

  /**
   * @param from the state left
   * @param to the state entered
   * @param reason why, in plain words (a refusal, the fault that stopped the belt, what began)
   */
  void onStateChanged(SessionState from, SessionState to, String reason);

  /** A command that was not carried out, with the reason. */
  default void onCommandRefused(SessionCommand command, String reason) {}
}
