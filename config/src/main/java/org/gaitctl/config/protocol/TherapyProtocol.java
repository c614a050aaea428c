package org.gaitctl.config.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A therapy protocol: stages run one after the other, with the targets the feedback shows. Loaded
 * and checked by {@code TherapyProtocolLoader}; checked against a patient and a device by {@code
 * ProtocolCheck} before any motion.
 *
 * @param name the protocol's name, e.g. {@code stroke-bwstt}
 * @param description one line saying what it is for
 * @param stages at least one, names unique, in order
 * @param cadenceTargetStepsPerMin the cadence the feedback aims for, steps/min, if any
 * @param symmetryTarget the symmetry zone the feedback aims for, if any
 * @param requirements the patients it is written for and the envelope its stages keep to
 */
public record TherapyProtocol(
    String name,
    String description,
    List<ProtocolStage> stages,
    OptionalDouble cadenceTargetStepsPerMin,
    Optional<SymmetryTarget> symmetryTarget,
    ProtocolRequirements requirements) {

  public TherapyProtocol {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(cadenceTargetStepsPerMin, "cadenceTargetStepsPerMin");
    Objects.requireNonNull(symmetryTarget, "symmetryTarget");
    Objects.requireNonNull(requirements, "requirements");
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a protocol needs at least one stage");
    }
    Set<String> names = new HashSet<>();
    for (ProtocolStage stage : stages) {
      if (!names.add(stage.name())) {
        throw new IllegalArgumentException("stage name '" + stage.name() + "' appears twice");
      }
    }
  }
}
