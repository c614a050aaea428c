package org.gaitctl.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.CommandResult;

/**
 * Whatever callers ask, what reaches a device stays inside the limits and moves in small steps;
 * what is refused never reaches it and is counted.
 */
class CommandGateProperties {

  private static final SafetyLimits LIMITS =
      new SafetyLimits(2.0, -5.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, 500);
  private static final CommandLimits COMMAND_LIMITS = CommandLimits.of(LIMITS);

  @Property
  void speedsThatReachTheDriveAreInRangeAndRiseInSmallSteps(
      @ForAll("setpoints") List<Double> speedsMps) {
    RecordingPorts ports = new RecordingPorts();
    CommandGate gate = new CommandGate(COMMAND_LIMITS, () -> true, ports.drive, ports.bws);
    int refused = 0;
    for (double speed : speedsMps) {
      if (gate.drive().setSpeed(speed) == CommandResult.REFUSED) {
        refused++;
      }
    }
    double previous = 0;
    for (double reached : ports.drive.speedsMps) {
      // Numeric comparison: -0.0 is a speed of zero.
      assertThat(reached >= 0 && reached <= LIMITS.maxBeltSpeedMps())
          .as("%s in range", reached)
          .isTrue();
      assertThat(reached - previous).isLessThanOrEqualTo(COMMAND_LIMITS.maxSpeedStepMps());
      previous = reached;
    }
    assertThat(ports.drive.speedsMps).hasSize(speedsMps.size() - refused);
    assertThat(gate.counters().refusedTotal()).isEqualTo(refused);
  }

  @Property
  void unloadingThatReachesTheBwsIsInRangeAndChangesInSmallSteps(
      @ForAll("setpoints") List<Double> forcesN, @ForAll("seeds") double seededForceN) {
    RecordingPorts ports = new RecordingPorts();
    CommandGate gate = new CommandGate(COMMAND_LIMITS, () -> true, ports.drive, ports.bws);
    gate.seedSetpoints(0, 0, seededForceN);
    for (double force : forcesN) {
      gate.bws().setForce(force * 300);
    }
    double previous = seededForceN;
    for (double reached : ports.bws.forcesN) {
      assertThat(reached >= LIMITS.minUnloadingN() && reached <= LIMITS.maxUnloadingN())
          .as("%s in range", reached)
          .isTrue();
      assertThat(Math.abs(reached - previous)).isLessThanOrEqualTo(COMMAND_LIMITS.maxForceStepN());
      previous = reached;
    }
  }

  @Property
  void accelerationAndForceRateReachTheDevicesOnlyWithinTheirLimits(
      @ForAll("setpoints") List<Double> values) {
    RecordingPorts ports = new RecordingPorts();
    CommandGate gate = new CommandGate(COMMAND_LIMITS, () -> true, ports.drive, ports.bws);
    for (double value : values) {
      gate.drive().setAcceleration(value);
      gate.bws().setForceRate(value * 400);
    }
    assertThat(ports.drive.accelerationsMps2)
        .allSatisfy(a -> assertThat(a).isGreaterThan(0).isLessThanOrEqualTo(1.0));
    assertThat(ports.bws.forceRatesNPerS)
        .allSatisfy(r -> assertThat(r).isGreaterThan(0).isLessThanOrEqualTo(500.0));
  }

  @Provide
  Arbitrary<List<Double>> setpoints() {
    Arbitrary<Double> ordinary = Arbitraries.doubles().between(-1.0, 3.0);
    Arbitrary<Double> special =
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MAX_VALUE,
            -Double.MIN_VALUE);
    return Arbitraries.frequencyOf(Tuple.of(9, ordinary), Tuple.of(1, special))
        .list()
        .ofMaxSize(60);
  }

  @Provide
  Arbitrary<Double> seeds() {
    return Arbitraries.doubles().between(0, 600);
  }
}
