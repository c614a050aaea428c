package org.gaitctl.config;

import java.util.List;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.FieldLines;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.config.protocol.ProtocolRequirements;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.TherapyProtocol;

/**
 * Checks a loaded protocol against one patient and one device before any motion: every stage within
 * the device profile's {@link SafetyLimits}, the patient's limits and the protocol's own {@code
 * limits}; the patient's body mass within the protocol's; every ramp within the device's
 * acceleration and force rate. A ramp the device cannot follow is an error, not stretched in
 * silence: the stage timing a therapist reads is the timing that runs. Every problem is reported at
 * once, at the line of the field it concerns.
 */
public final class ProtocolCheck {

  private final FieldLines lines;
  private final PatientLimits patient;
  private final SafetyLimits device;
  private final ProfileErrors errors;

  private ProtocolCheck(ProtocolDocument document, PatientLimits patient, SafetyLimits device) {
    this.lines = document.lines();
    this.patient = patient;
    this.device = device;
    this.errors = new ProfileErrors(document.source());
  }

  /**
   * @throws ConfigException listing every rule the protocol breaks for this patient and device
   */
  public static void requireRunnable(
      ProtocolDocument document, PatientLimits patient, SafetyLimits device) {
    ProtocolCheck check = new ProtocolCheck(document, patient, device);
    check.checkBodyMass(document.protocol().requirements());
    check.checkStages(document.protocol());
    check.errors.throwIfAny();
  }

  private void checkBodyMass(ProtocolRequirements protocol) {
    double massKg = patient.bodyMassKg();
    if (massKg < protocol.minBodyMassKg()) {
      error(
          "limits.minBodyMassKg",
          "= "
              + n(protocol.minBodyMassKg())
              + ": the protocol is for patients of at least that mass; the patient's body mass is "
              + n(massKg)
              + " kg");
    }
    if (massKg > protocol.maxBodyMassKg()) {
      error(
          "limits.maxBodyMassKg",
          "= "
              + n(protocol.maxBodyMassKg())
              + ": the protocol is for patients of at most that mass; the patient's body mass is "
              + n(massKg)
              + " kg");
    }
  }

  private void checkStages(TherapyProtocol protocol) {
    ProtocolRequirements envelope = protocol.requirements();
    ProtocolStage previous = null;
    List<ProtocolStage> stages = protocol.stages();
    for (int i = 0; i < stages.size(); i++) {
      ProtocolStage stage = stages.get(i);
      String path = "stages[" + (i + 1) + "]";
      checkBelt(path, stage.belt(), envelope);
      checkIncline(path + ".inclinePercent", stage.inclinePercent(), envelope);
      checkUnloading(path + ".unloadingPercentBw", stage, envelope);
      checkSpeedRamp(path + ".rampS", previous, stage);
      if (previous != null) {
        checkForceRamp(path + ".rampS", previous, stage);
      }
      previous = stage;
    }
  }

  private void checkBelt(String path, BeltMode belt, ProtocolRequirements envelope) {
    if (belt instanceof BeltMode.FixedSpeed fixed) {
      checkSpeed(path + ".speedMps", fixed.speedMps(), envelope);
    } else if (belt instanceof BeltMode.SelfPaced selfPaced) {
      checkSpeed(path + ".selfPaced.maxSpeedMps", selfPaced.maxSpeedMps(), envelope);
      if (selfPaced.maxAccelMps2() > device.maxAccelMps2()) {
        error(
            path + ".selfPaced.maxAccelMps2",
            "= "
                + n(selfPaced.maxAccelMps2())
                + " exceeds the device profile's maxAccelMps2 "
                + n(device.maxAccelMps2()));
      }
    }
  }

  private void checkSpeed(String path, double speedMps, ProtocolRequirements envelope) {
    String value = "= " + n(speedMps);
    if (speedMps > device.maxBeltSpeedMps()) {
      error(
          path,
          value + " exceeds the device profile's maxBeltSpeedMps " + n(device.maxBeltSpeedMps()));
    }
    // The patient's limit is named only where it is stricter: else the device's message says it.
    if (speedMps > patient.maxSpeedMps() && patient.maxSpeedMps() < device.maxBeltSpeedMps()) {
      error(
          path,
          value + " exceeds the patient's maximum speed " + n(patient.maxSpeedMps()) + " m/s");
    }
    if (speedMps > envelope.maxSpeedMps()) {
      error(
          path, value + " exceeds the protocol's limits.maxSpeedMps " + n(envelope.maxSpeedMps()));
    }
  }

  private void checkIncline(String path, double inclinePercent, ProtocolRequirements envelope) {
    String value = "= " + n(inclinePercent);
    if (inclinePercent < device.minInclinePercent()
        || inclinePercent > device.maxInclinePercent()) {
      error(
          path,
          value
              + " is outside the device profile's incline range "
              + n(device.minInclinePercent())
              + ".."
              + n(device.maxInclinePercent())
              + " % grade");
    }
    if (inclinePercent > patient.maxInclinePercent()
        && patient.maxInclinePercent() < device.maxInclinePercent()) {
      error(
          path,
          value
              + " exceeds the patient's maximum incline "
              + n(patient.maxInclinePercent())
              + " %");
    }
    if (inclinePercent > envelope.maxInclinePercent()) {
      error(
          path,
          value
              + " exceeds the protocol's limits.maxInclinePercent "
              + n(envelope.maxInclinePercent()));
    }
  }

  /**
   * Unloading is checked in newtons against the device (it commands force), in percent against the
   * patient and the protocol. 0 %BW turns force control off, which the device always allows; the
   * patient's minimum still applies, since a patient who needs support must not walk without it.
   */
  private void checkUnloading(String path, ProtocolStage stage, ProtocolRequirements envelope) {
    double percent = stage.unloadingPercentBw();
    double forceN = stage.unloadingN(patient.bodyMassKg());
    String value =
        "= "
            + n(percent)
            + " %BW is "
            + n(Math.round(forceN * 10) / 10.0)
            + " N for "
            + n(patient.bodyMassKg())
            + " kg";
    if (percent > 0 && forceN < device.minUnloadingN()) {
      error(
          path,
          value
              + ", below the device profile's minUnloadingN "
              + n(device.minUnloadingN())
              + " (0 turns force control off)");
    }
    if (forceN > device.maxUnloadingN()) {
      error(
          path, value + ", above the device profile's maxUnloadingN " + n(device.maxUnloadingN()));
    }
    if (percent < patient.minUnloadingPercentBw() || percent > patient.maxUnloadingPercentBw()) {
      error(
          path,
          "= "
              + n(percent)
              + " is outside the patient's unloading range "
              + n(patient.minUnloadingPercentBw())
              + ".."
              + n(patient.maxUnloadingPercentBw())
              + " %BW");
    }
    if (percent < envelope.minUnloadingPercentBw() || percent > envelope.maxUnloadingPercentBw()) {
      error(
          path,
          "= "
              + n(percent)
              + " is outside the protocol's limits "
              + n(envelope.minUnloadingPercentBw())
              + ".."
              + n(envelope.maxUnloadingPercentBw())
              + " %BW");
    }
  }

  /**
   * A ramp to a fixed speed, from the previous stage's speed (from its worst bound if it was
   * self-paced; from standstill before the first stage), must stay within maxAccelMps2. A ramp into
   * a self-paced stage is the self-paced controller's, bounded by its own maxAccelMps2.
   */
  private void checkSpeedRamp(String path, ProtocolStage previous, ProtocolStage stage) {
    if (!(stage.belt() instanceof BeltMode.FixedSpeed fixed)) {
      return;
    }
    double lowMps = previous == null ? 0 : previous.belt().lowestSpeedMps();
    double highMps = previous == null ? 0 : previous.belt().highestSpeedMps();
    double changeMps =
        Math.max(Math.abs(fixed.speedMps() - lowMps), Math.abs(fixed.speedMps() - highMps));
    double shortestRampS = changeMps / device.maxAccelMps2();
    if (stage.rampS() < shortestRampS) {
      error(
          path,
          "= "
              + n(stage.rampS())
              + " is too short for a speed change of "
              + n(changeMps)
              + " m/s at the device profile's maxAccelMps2 "
              + n(device.maxAccelMps2())
              + "; make it at least "
              + n(Math.ceil(shortestRampS * 10) / 10.0)
              + " s");
    }
  }

  /**
   * A change of unloading between stages must stay within maxForceRateNPerS. The first stage's
   * unloading is reached during harness preparation, before the belt moves.
   */
  private void checkForceRamp(String path, ProtocolStage previous, ProtocolStage stage) {
    double changeN =
        Math.abs(
            stage.unloadingN(patient.bodyMassKg()) - previous.unloadingN(patient.bodyMassKg()));
    double shortestRampS = changeN / device.maxForceRateNPerS();
    if (stage.rampS() < shortestRampS) {
      error(
          path,
          "= "
              + n(stage.rampS())
              + " is too short for an unloading change of "
              + n(Math.round(changeN * 10) / 10.0)
              + " N at the device profile's maxForceRateNPerS "
              + n(device.maxForceRateNPerS())
              + "; make it at least "
              + n(Math.ceil(shortestRampS * 10) / 10.0)
              + " s");
    }
  }

  private void error(String path, String message) {
    errors.add(lines.lineOf(path), path, message);
  }

  private static String n(double value) {
    return NumberText.format(value);
  }
}
