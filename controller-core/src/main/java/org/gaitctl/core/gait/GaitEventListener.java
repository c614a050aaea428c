package org.gaitctl.core.gait;

/**
 * Receives each heel strike and toe off as it is detected. Called on the gait stage's thread; must
 * not block or allocate on the live path.
 */
@FunctionalInterface
public interface GaitEventListener {

  /** A listener that ignores events. */
  GaitEventListener NONE = (side, kind, timeNs) -> {};

  /**
   * @param kind {@link FootEventDetector#HEEL_STRIKE} or {@link FootEventDetector#TOE_OFF}
   * @param timeNs the event's interpolated time, ns
   */
  void onGaitEvent(Side side, int kind, long timeNs);
}
