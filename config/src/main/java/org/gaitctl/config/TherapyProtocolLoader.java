package org.gaitctl.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.config.protocol.ProtocolRequirements;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a YAML therapy protocol (format: {@code docs/PROTOCOLS.md}) and applies the rules the file
 * keeps on its own; every problem is reported at once as {@code file:line: field rule}. The checks
 * against a patient and a device follow in {@link ProtocolCheck}.
 *
 * <p>Called before a session on the main thread; reads files, allocates.
 */
public final class TherapyProtocolLoader {

  /** A protocol is a few kilobytes; anything far larger is not one. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  static final List<String> KEYS =
      List.of(
          "name", "description", "cadenceTargetStepsPerMin", "symmetryTarget", "limits", "stages");

  static final List<String> SYMMETRY_KEYS =
      List.of("maxStanceTimeSiPercent", "maxStepLengthSiPercent");

  static final List<String> LIMITS_KEYS =
      List.of(
          "minBodyMassKg",
          "maxBodyMassKg",
          "maxSpeedMps",
          "maxInclinePercent",
          "minUnloadingPercentBw",
          "maxUnloadingPercentBw");

  private static final String KIND = "a therapy protocol";

  private TherapyProtocolLoader() {}

  /**
   * Loads the protocol in {@code file}; messages name the file as given.
   *
   * @throws ConfigException if the file is missing, unreadable or breaks a rule of the format
   */
  public static ProtocolDocument load(Path file) {
    String source = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw DevicesConfigLoader.fileError(source, "is a directory, not " + KIND);
      }
      if (Files.exists(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw tooLarge(source);
      }
      return parse(DevicesConfigLoader.decodeUtf8(Files.readAllBytes(file), source), source);
    } catch (NoSuchFileException e) {
      throw DevicesConfigLoader.fileError(source, "file not found");
    } catch (AccessDeniedException e) {
      throw DevicesConfigLoader.fileError(source, "cannot be read: permission denied");
    } catch (IOException e) {
      throw DevicesConfigLoader.fileError(source, "cannot be read: " + e);
    }
  }

  /**
   * Loads a protocol packaged as a classpath resource, e.g. {@code protocols/demo.yaml}.
   *
   * @throws ConfigException if there is no such resource or it is invalid
   */
  public static ProtocolDocument loadResource(String resourceName) {
    String source = "classpath:" + resourceName;
    try (InputStream in =
        TherapyProtocolLoader.class.getClassLoader().getResourceAsStream(resourceName)) {
      if (in == null) {
        throw DevicesConfigLoader.fileError(source, "resource not found");
      }
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw tooLarge(source);
      }
      return parse(DevicesConfigLoader.decodeUtf8(bytes, source), source);
    } catch (IOException e) {
      throw DevicesConfigLoader.fileError(source, "cannot be read: " + e);
    }
  }

  /**
   * Parses protocol text; {@code source} names it in messages.
   *
   * @throws ConfigException if the text is not a valid protocol
   */
  public static ProtocolDocument parse(String yamlText, String source) {
    if (yamlText.length() > MAX_FILE_BYTES) {
      throw tooLarge(source);
    }
    Node root = DevicesConfigLoader.compose(yamlText, source, KIND);
    ProfileErrors errors = new ProfileErrors(source);
    YamlMap document = new YamlValue(root, "", 1, errors).asMap(KEYS);
    if (document == null) {
      errors.throwIfAny();
    }
    ProtocolFieldReader fields = new ProtocolFieldReader(source);
    String name = text(fields.required(document, "name"));
    String description = text(fields.required(document, "description"));
    YamlValue cadence = fields.optional(document, "cadenceTargetStepsPerMin");
    Double cadenceStepsPerMin = cadence == null ? null : cadence.asNumberIn(20, 200);
    Optional<SymmetryTarget> symmetry = readSymmetry(document, fields);
    ProtocolRequirements requirements = readRequirements(document, fields);
    List<ProtocolStage> stages = readStages(document, fields, errors);
    errors.throwIfAny();
    TherapyProtocol protocol =
        new TherapyProtocol(
            name,
            description,
            stages,
            cadenceStepsPerMin == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(cadenceStepsPerMin),
            symmetry,
            requirements);
    return new ProtocolDocument(protocol, fields.lines());
  }

  private static Optional<SymmetryTarget> readSymmetry(
      YamlMap document, ProtocolFieldReader fields) {
    YamlValue value = fields.optional(document, "symmetryTarget");
    YamlMap section = value == null ? null : value.asMap(SYMMETRY_KEYS);
    if (section == null) {
      return Optional.empty();
    }
    Double stance = fields.number(section, "maxStanceTimeSiPercent", 0.1, 50);
    Double stepLength = fields.number(section, "maxStepLengthSiPercent", 0.1, 50);
    return stance == null || stepLength == null
        ? Optional.empty()
        : Optional.of(new SymmetryTarget(stance, stepLength));
  }

  private static ProtocolRequirements readRequirements(
      YamlMap document, ProtocolFieldReader fields) {
    YamlValue value = fields.optional(document, "limits");
    YamlMap section = value == null ? null : value.asMap(LIMITS_KEYS);
    if (section == null) {
      return ProtocolRequirements.NONE;
    }
    ProtocolRequirements none = ProtocolRequirements.NONE;
    double massMin = PatientLimits.BODY_MASS_KG.min();
    double massMax = PatientLimits.BODY_MASS_KG.max();
    Double minMass =
        fields.optionalNumber(section, "minBodyMassKg", massMin, massMax, none.minBodyMassKg());
    Double maxMass =
        fields.optionalNumber(section, "maxBodyMassKg", massMin, massMax, none.maxBodyMassKg());
    Double maxSpeed =
        fields.optionalNumber(
            section, "maxSpeedMps", 0.01, ProtocolStageReader.MAX_SPEED_MPS, none.maxSpeedMps());
    Double maxIncline =
        fields.optionalNumber(section, "maxInclinePercent", -100, 100, none.maxInclinePercent());
    Double minUnloading =
        fields.optionalNumber(
            section, "minUnloadingPercentBw", 0, 100, none.minUnloadingPercentBw());
    Double maxUnloading =
        fields.optionalNumber(
            section, "maxUnloadingPercentBw", 0, 100, none.maxUnloadingPercentBw());
    if (minMass == null
        || maxMass == null
        || maxSpeed == null
        || maxIncline == null
        || minUnloading == null
        || maxUnloading == null) {
      return none;
    }
    if (minMass > maxMass) {
      section.error("minBodyMassKg must be <= maxBodyMassKg");
      return none;
    }
    if (minUnloading > maxUnloading) {
      section.error("minUnloadingPercentBw must be <= maxUnloadingPercentBw");
      return none;
    }
    return new ProtocolRequirements(
        minMass, maxMass, maxSpeed, maxIncline, minUnloading, maxUnloading);
  }

  private static List<ProtocolStage> readStages(
      YamlMap document, ProtocolFieldReader fields, ProfileErrors errors) {
    YamlValue value = fields.required(document, "stages");
    List<YamlValue> items = value == null ? null : value.asList();
    List<ProtocolStage> stages = new ArrayList<>();
    if (items == null) {
      return stages;
    }
    if (items.isEmpty()) {
      value.error("is empty; a protocol needs at least one stage");
    }
    ProtocolStageReader reader = new ProtocolStageReader(fields);
    for (YamlValue item : items) {
      fields.remember(item);
      YamlMap stage = item.asMap(ProtocolStageReader.KEYS);
      ProtocolStage read = stage == null ? null : reader.read(stage, errors);
      if (read != null) {
        stages.add(read);
      }
    }
    return stages;
  }

  private static String text(YamlValue value) {
    return value == null ? null : value.asText();
  }

  private static ConfigException tooLarge(String source) {
    return DevicesConfigLoader.fileError(
        source, "is larger than 64 KiB; a therapy protocol is a few kilobytes");
  }
}
