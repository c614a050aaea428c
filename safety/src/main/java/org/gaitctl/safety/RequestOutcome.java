package org.gaitctl.safety;

/**
 * Answer to an operator request (start, acknowledge).
 *
 * @param accepted whether the request took effect
 * @param reason why it was refused, or what was done when accepted
 */
public record RequestOutcome(boolean accepted, String reason) {

  static RequestOutcome accepted(String what) {
    return new RequestOutcome(true, what);
  }

  static RequestOutcome refused(String reason) {
    return new RequestOutcome(false, reason);
  }
}
