package org.gaitctl.core.analysis;

import org.gaitctl.core.contact.ContactSettings;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.gait.EventSettings;

/**
 * Everything the gait stages are configured with.
 *
 * @param contact foot contact from pressure frames
 * @param events heel strike / toe off detection
 * @param drift belt force gain correction
 * @param symmetryWindowSteps steps per side in the rolling symmetry means
 * @param forceFloorScale multiplies the symmetry floors of force quantities (1 for newtons)
 */
public record GaitSettings(
    ContactSettings contact,
    EventSettings events,
    DriftSettings drift,
    int symmetryWindowSteps,
    double forceFloorScale) {

  public GaitSettings {
    if (symmetryWindowSteps < 1) {
      throw new IllegalArgumentException(
          "gait settings: symmetryWindowSteps must be >= 1, was " + symmetryWindowSteps);
    }
    if (!(forceFloorScale > 0)) {
      throw new IllegalArgumentException("gait settings: forceFloorScale must be > 0");
    }
  }

  /** Newton thresholds, no drift correction, 20-step symmetry window. */
  public static GaitSettings defaults() {
    return new GaitSettings(
        ContactSettings.defaults(),
        EventSettings.newtonDefaults(),
        DriftSettings.disabled(),
        20,
        1);
  }

  public GaitSettings withEvents(EventSettings newEvents) {
    return new GaitSettings(contact, newEvents, drift, symmetryWindowSteps, forceFloorScale);
  }

  public GaitSettings withDrift(DriftSettings newDrift) {
    return new GaitSettings(contact, events, newDrift, symmetryWindowSteps, forceFloorScale);
  }

  public GaitSettings withForceFloorScale(double scale) {
    return new GaitSettings(contact, events, drift, symmetryWindowSteps, scale);
  }
}
