package org.gaitctl.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.StageLength;

/**
 * Reads one item of a protocol's {@code stages} list and applies the rules a stage keeps on its
 * own: a name no other stage has, exactly one of durationS and distanceM, exactly one of speedMps
 * and selfPaced, the ramp no longer than the stage, the self-paced speed bounds in order.
 */
final class ProtocolStageReader {

  static final List<String> KEYS =
      List.of(
          "name",
          "durationS",
          "distanceM",
          "speedMps",
          "selfPaced",
          "inclinePercent",
          "unloadingPercentBw",
          "rampS");

  static final List<String> SELF_PACED_KEYS =
      List.of("deadZoneM", "gain", "minSpeedMps", "maxSpeedMps", "maxAccelMps2");

  /** Four hours: a longer stage is a unit mistake (minutes written as seconds). */
  static final double MAX_DURATION_S = 4 * 3600;

  /** 20 km: a longer stage is a unit mistake. */
  static final double MAX_DISTANCE_M = 20_000;

  /** No treadmill of this kind runs faster; the device profile's limit is checked later. */
  static final double MAX_SPEED_MPS = 10;

  private final ProtocolFieldReader fields;
  private final Map<String, String> firstStageOfName = new HashMap<>();

  /** Reads the stages of one protocol, in order; stage names must be unique among them. */
  ProtocolStageReader(ProtocolFieldReader fields) {
    this.fields = fields;
  }

  /** The stage, or {@code null} after recording its problems. */
  ProtocolStage read(YamlMap stage, ProfileErrors errors) {
    int errorsBefore = errors.count();
    YamlValue nameValue = fields.required(stage, "name");
    String name = nameValue == null ? null : nameValue.asText();
    if (name != null) {
      String first = firstStageOfName.putIfAbsent(name, stage.path());
      if (first != null) {
        nameValue.error("'" + name + "' is also the name of " + first);
      }
    }
    StageLength length = readLength(stage);
    BeltMode belt = readBelt(stage);
    double inclinePercent = orZero(fields.optionalNumber(stage, "inclinePercent", -100, 100, 0.0));
    Double unloadingPercentBw = fields.number(stage, "unloadingPercentBw", 0, 100);
    Double rampS = fields.number(stage, "rampS", 0, MAX_DURATION_S);
    if (length != null && belt != null && rampS != null) {
      checkRampFitsTheStage(stage, length, belt, rampS);
    }
    if (errors.count() != errorsBefore) {
      return null;
    }
    return new ProtocolStage(name, length, belt, inclinePercent, unloadingPercentBw, rampS);
  }

  private StageLength readLength(YamlMap stage) {
    YamlValue duration = fields.optional(stage, "durationS");
    YamlValue distance = fields.optional(stage, "distanceM");
    if (duration != null && distance != null) {
      distance.error(
          "cannot be given with durationS; a stage lasts a time or a distance, not both");
      return null;
    }
    if (duration == null && distance == null) {
      stage.error("needs durationS (s) or distanceM (m)");
      return null;
    }
    if (duration != null) {
      Double durationS = positiveAtMost(duration, MAX_DURATION_S);
      return durationS == null ? null : new StageLength.Timed(durationS);
    }
    Double distanceM = positiveAtMost(distance, MAX_DISTANCE_M);
    return distanceM == null ? null : new StageLength.Distance(distanceM);
  }

  private BeltMode readBelt(YamlMap stage) {
    YamlValue speed = fields.optional(stage, "speedMps");
    YamlValue selfPaced = fields.optional(stage, "selfPaced");
    if (speed != null && selfPaced != null) {
      selfPaced.error("cannot be given with speedMps; the belt runs fixed or self-paced, not both");
      return null;
    }
    if (speed == null && selfPaced == null) {
      stage.error("needs speedMps (m/s) or selfPaced settings");
      return null;
    }
    if (speed != null) {
      Double speedMps = positiveAtMost(speed, MAX_SPEED_MPS);
      return speedMps == null ? null : new BeltMode.FixedSpeed(speedMps);
    }
    YamlMap settings = selfPaced.asMap(SELF_PACED_KEYS);
    if (settings == null) {
      return null;
    }
    Double deadZoneM = fields.number(settings, "deadZoneM", 0, 1);
    Double gain = fields.positive(settings, "gain", 10);
    Double minSpeedMps = fields.number(settings, "minSpeedMps", 0, MAX_SPEED_MPS);
    Double maxSpeedMps = fields.positive(settings, "maxSpeedMps", MAX_SPEED_MPS);
    Double maxAccelMps2 = fields.positive(settings, "maxAccelMps2", 10);
    if (deadZoneM == null
        || gain == null
        || minSpeedMps == null
        || maxSpeedMps == null
        || maxAccelMps2 == null) {
      return null;
    }
    if (!(minSpeedMps < maxSpeedMps)) {
      settings.get("minSpeedMps").error("must be < maxSpeedMps " + NumberText.format(maxSpeedMps));
      return null;
    }
    return new BeltMode.SelfPaced(deadZoneM, gain, minSpeedMps, maxSpeedMps, maxAccelMps2);
  }

  /**
   * The ramp is part of the stage, so it must end before the stage does: within the duration, or
   * within the shortest time the distance can take (at the fixed speed, or the self-paced top).
   */
  private static void checkRampFitsTheStage(
      YamlMap stage, StageLength length, BeltMode belt, double rampS) {
    double shortestS = length.shortestTimeS(belt.highestSpeedMps());
    if (rampS > shortestS) {
      String what =
          length instanceof StageLength.Timed
              ? "durationS " + NumberText.format(shortestS)
              : "the " + NumberText.format(shortestS) + " s the distance takes at top speed";
      stage
          .get("rampS")
          .error(
              "= "
                  + NumberText.format(rampS)
                  + " is longer than the stage ("
                  + what
                  + "); the ramp is part of the stage");
    }
  }

  private static Double positiveAtMost(YamlValue value, double max) {
    Double number = value.asPositive();
    if (number != null && number > max) {
      value.error("= " + NumberText.format(number) + " must be at most " + NumberText.format(max));
      return null;
    }
    return number;
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
