package org.gaitctl.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a YAML device profile into a {@link DevicesConfig}, validating everything before anything
 * starts. A broken profile fails with a {@link ConfigException} listing every problem as {@code
 * file:line: path message}, e.g. {@code devices.yaml:14: treadmill.registers.speedSet.scale must be
 * > 0}. The format is described in {@code docs/CONFIGURATION.md}.
 *
 * <p>Called once at start-up on the main thread; reads files, allocates, may block on I/O. Never
 * called on the pipeline's threads.
 */
public final class DevicesConfigLoader {

  /** The default profile, the built-in emulators, as a classpath resource. */
  public static final String DEFAULT_RESOURCE = "devices/emulated.yaml";

  /** A device profile is a few kilobytes; anything far larger is not one. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(DevicesConfigLoader.class);

  private static final List<String> SECTIONS =
      List.of(
          "treadmill",
          "bws",
          "pressureBelt",
          "loadCell",
          "limits",
          "simulation",
          "supervision",
          "journal");

  private DevicesConfigLoader() {}

  /**
   * Loads the profile in {@code file}; messages name the file as given.
   *
   * @throws ConfigException if the file is missing, unreadable or invalid
   */
  public static DevicesConfig load(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw fileError(source, "is a directory, not a device profile");
      }
      if (Files.exists(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw fileError(
            source, "is " + Files.size(file) + " bytes; a device profile is at most 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw fileError(source, "file not found");
    } catch (AccessDeniedException e) {
      throw fileError(source, "cannot be read: permission denied");
    } catch (IOException e) {
      throw fileError(source, "cannot be read: " + e);
    }
    return parse(decodeUtf8(bytes, source), source);
  }

  /** Loads the default profile, {@value #DEFAULT_RESOURCE}, from the classpath. */
  public static DevicesConfig loadDefault() {
    return loadResource(DEFAULT_RESOURCE);
  }

  /**
   * Loads a profile packaged as a classpath resource, e.g. {@code devices/emulated-rtu.yaml}.
   *
   * @throws ConfigException if there is no such resource or it is invalid
   */
  public static DevicesConfig loadResource(String resourceName) {
    String source = "classpath:" + resourceName;
    try (InputStream in =
        DevicesConfigLoader.class.getClassLoader().getResourceAsStream(resourceName)) {
      if (in == null) {
        throw fileError(source, "resource not found");
      }
      return parse(decodeUtf8(in.readNBytes(MAX_FILE_BYTES + 1), source), source);
    } catch (IOException e) {
      throw fileError(source, "cannot be read: " + e);
    }
  }

  /**
   * Parses profile text; {@code sourceName} names it in messages.
   *
   * @throws ConfigException if the text is not a valid profile
   */
  public static DevicesConfig parse(String yamlText, String sourceName) {
    if (yamlText.length() > MAX_FILE_BYTES) {
      throw fileError(sourceName, "is larger than 1 MiB; a device profile is a few kilobytes");
    }
    Node root = compose(yamlText, sourceName, "a device profile");
    DevicesConfig config = read(root, sourceName);
    LOG.info(
        "Loaded device profile {}: treadmill {} unit {}, BWS {} unit {}, pressure belt {}, load"
            + " cell {}",
        sourceName,
        config.treadmill().transport().text(),
        config.treadmill().unitId(),
        config.bws().transport().text(),
        config.bws().unitId(),
        config.pressureBelt().transport().text(),
        config.loadCell().transport().text());
    return config;
  }

  /** The YAML node tree of {@code yamlText}; {@code kind} names the expected document in errors. */
  static Node compose(String yamlText, String sourceName, String kind) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_FILE_BYTES);
    try {
      Node root = new Yaml(options).compose(new StringReader(yamlText));
      if (root == null) {
        throw fileError(sourceName, "is empty; expected " + kind);
      }
      return root;
    } catch (MarkedYAMLException e) {
      // Report where the broken construct began (an unclosed '[' or a key without ':'), and
      // where the parser noticed, which is often a line later.
      Mark began = e.getContextMark();
      Mark noticed = e.getProblemMark();
      Mark mark = began != null ? began : noticed;
      int line = mark == null ? 0 : mark.getLine() + 1;
      StringBuilder message = new StringBuilder("YAML syntax error: ");
      message.append(e.getProblem() == null ? e.getMessage() : e.getProblem());
      if (e.getContext() != null) {
        message.append(" (").append(e.getContext()).append(')');
      }
      if (noticed != null && noticed.getLine() + 1 != line) {
        message.append(", noticed on line ").append(noticed.getLine() + 1);
      }
      throw new ConfigException(List.of(new ConfigError(sourceName, line, "", message.toString())));
    } catch (YAMLException e) {
      throw fileError(sourceName, "is not valid YAML: " + e.getMessage());
    }
  }

  private static DevicesConfig read(Node root, String source) {
    ProfileErrors errors = new ProfileErrors(source);
    YamlMap profile = new YamlValue(root, "", 1, errors).asMap(SECTIONS);
    if (profile == null) {
      errors.throwIfAny();
    }

    YamlMap treadmillSection = section(profile, "treadmill", ModbusDeviceReader.KEYS);
    YamlMap bwsSection = section(profile, "bws", ModbusDeviceReader.KEYS);
    YamlMap beltSection = section(profile, "pressureBelt", StreamDeviceReader.KEYS);
    YamlMap loadCellSection = section(profile, "loadCell", StreamDeviceReader.KEYS);
    YamlMap limitsSection = section(profile, "limits", SafetyLimitsReader.KEYS);
    YamlValue simulationValue = profile.get("simulation");
    YamlValue supervisionValue = profile.get("supervision");
    YamlValue journalValue = profile.get("journal");

    ModbusDeviceProfile treadmill =
        treadmillSection == null
            ? null
            : ModbusDeviceReader.read(treadmillSection, ModbusDeviceKind.TREADMILL_DRIVE, errors);
    ModbusDeviceProfile bws =
        bwsSection == null
            ? null
            : ModbusDeviceReader.read(bwsSection, ModbusDeviceKind.BWS_UNIT, errors);
    StreamDeviceProfile pressureBelt =
        beltSection == null ? null : StreamDeviceReader.read(beltSection, errors);
    StreamDeviceProfile loadCell =
        loadCellSection == null ? null : StreamDeviceReader.read(loadCellSection, errors);
    SafetyLimits limits =
        limitsSection == null ? null : SafetyLimitsReader.read(limitsSection, errors);
    SimulationSettings simulation = SimulationSettings.defaults();
    if (simulationValue != null) {
      YamlMap simulationSection = simulationValue.asMap(SimulationSettingsReader.KEYS);
      simulation =
          simulationSection == null
              ? null
              : SimulationSettingsReader.read(simulationSection, errors);
    }

    SupervisionThresholds supervision = SupervisionThresholds.defaults();
    if (supervisionValue != null) {
      YamlMap supervisionSection = supervisionValue.asMap(SupervisionThresholdsReader.KEYS);
      supervision =
          supervisionSection == null
              ? null
              : SupervisionThresholdsReader.read(supervisionSection, errors);
    }

    JournalSettings journal = JournalSettings.defaults();
    if (journalValue != null) {
      YamlMap journalSection = journalValue.asMap(JournalSettingsReader.KEYS);
      journal = journalSection == null ? null : JournalSettingsReader.read(journalSection, errors);
    }

    if (limits != null && treadmill != null && bws != null) {
      ProfileCrossChecks.checkLimits(limitsSection, limits, treadmill, bws);
    }
    if (treadmill != null && bws != null && pressureBelt != null && loadCell != null) {
      TransportCrossChecks.check(
          List.of(
              new TransportCrossChecks.Device(
                  "treadmill", treadmillSection, treadmill.transport(), treadmill.unitId()),
              new TransportCrossChecks.Device("bws", bwsSection, bws.transport(), bws.unitId()),
              new TransportCrossChecks.Device(
                  "pressureBelt", beltSection, pressureBelt.transport(), -1),
              new TransportCrossChecks.Device(
                  "loadCell", loadCellSection, loadCell.transport(), -1)));
    }
    errors.throwIfAny();
    return new DevicesConfig(
        source, treadmill, bws, pressureBelt, loadCell, limits, simulation, supervision, journal);
  }

  private static YamlMap section(YamlMap profile, String name, List<String> keys) {
    YamlValue value = profile.require(name);
    return value == null ? null : value.asMap(keys);
  }

  static String decodeUtf8(byte[] bytes, String source) {
    if (bytes.length > MAX_FILE_BYTES) {
      throw fileError(source, "is larger than 1 MiB; a device profile is a few kilobytes");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw fileError(source, "is not UTF-8 text");
    }
  }

  static ConfigException fileError(String source, String message) {
    return new ConfigException(List.of(new ConfigError(source, 0, "", message)));
  }
}
