package org.gaitctl.hil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitctl.config.ConfigError;
import org.gaitctl.config.ConfigException;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.hil.agent.AgentFault;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario file (format: docs/HIL.md, "Scenario files"). Every problem is reported at once
 * as {@code file:line: field message}, as the profile and protocol readers do.
 */
public final class ScenarioReader {

  static final List<String> KEYS =
      List.of(
          "name",
          "description",
          "fast",
          "profile",
          "patient",
          "protocol",
          "stopAfterS",
          "timeoutS",
          "inject",
          "expect",
          "orExpect");

  static final List<String> INJECT_KEYS = List.of("atS", "sim", "process", "target", "ms", "agent");

  static final List<String> EXPECT_KEYS =
      List.of(
          "exitCode",
          "fault",
          "beltStopped",
          "harnessHeld",
          "watchdogTrip",
          "beltFalls",
          "steps",
          "symmetry",
          "unloadingRms",
          "journalComplete",
          "noFalseTrip",
          "rssFlat",
          "heapFlat",
          "noLostFrames",
          "noDeviceFault");

  static final String DEFAULT_PROFILE = "emulated";
  static final double DEFAULT_TIMEOUT_S = 60;
  private static final double MAX_S = 3600;
  private static final double MAX_MS = 600_000;

  private ScenarioReader() {}

  /**
   * Reads the scenario in {@code file}.
   *
   * @throws ConfigException if it cannot be read or breaks a rule of the format
   */
  public static Scenario read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          List.of(new ConfigError(file.toString(), 0, "", "cannot be read: " + e)));
    }
    return parse(text, file);
  }

  static Scenario parse(String text, Path file) {
    YamlNodes yaml = new YamlNodes(file.toString());
    Node root = yaml.compose(text);
    Map<String, Node> top = yaml.map(root, "", KEYS);
    Path folder = file.toAbsolutePath().getParent();

    String fileName = file.getFileName().toString();
    String name =
        top.containsKey("name")
            ? yaml.text(top.get("name"), "name")
            : fileName.replaceFirst("\\.ya?ml$", "");
    String description =
        top.containsKey("description") ? yaml.text(top.get("description"), "description") : "";
    Boolean fast = top.containsKey("fast") ? yaml.bool(top.get("fast"), "fast") : Boolean.FALSE;
    String profile =
        top.containsKey("profile") ? yaml.text(top.get("profile"), "profile") : DEFAULT_PROFILE;
    if (profile != null && looksLikeFile(profile)) {
      Path profileFile = folder.resolve(profile);
      if (!Files.isRegularFile(profileFile)) {
        yaml.error(top.get("profile"), "profile", "file not found: " + profileFile);
      }
      profile = profileFile.toString();
    }
    String protocol = null;
    if (!top.containsKey("protocol")) {
      yaml.error(root, "protocol", "is required (a library name such as demo, or a file)");
    } else {
      protocol = yaml.text(top.get("protocol"), "protocol");
      if (protocol != null && looksLikeFile(protocol)) {
        Path protocolFile = folder.resolve(protocol);
        if (!Files.isRegularFile(protocolFile)) {
          yaml.error(top.get("protocol"), "protocol", "file not found: " + protocolFile);
        }
        protocol = protocolFile.toString();
      }
    }
    Map<String, Object> patient =
        top.containsKey("patient") ? patient(yaml, top.get("patient")) : Map.of();
    Double stopAfterS =
        top.containsKey("stopAfterS")
            ? yaml.number(top.get("stopAfterS"), "stopAfterS", 0, MAX_S)
            : null;
    Double timeoutS =
        top.containsKey("timeoutS")
            ? yaml.number(top.get("timeoutS"), "timeoutS", 1, MAX_S)
            : Double.valueOf(DEFAULT_TIMEOUT_S);
    List<Injection> injections =
        top.containsKey("inject") ? injections(yaml, top.get("inject")) : List.of();
    List<Expectation> expectations = List.of();
    if (!top.containsKey("expect")) {
      yaml.error(root, "expect", "is required: a scenario without expectations tests nothing");
    } else {
      expectations = expectations(yaml, top.get("expect"), "expect", injections);
    }
    List<Expectation> alternative =
        top.containsKey("orExpect")
            ? expectations(yaml, top.get("orExpect"), "orExpect", injections)
            : List.of();
    yaml.throwIfAny();
    return new Scenario(
        name,
        file,
        description,
        fast,
        profile,
        patient,
        protocol,
        stopAfterS,
        timeoutS,
        injections,
        expectations,
        alternative);
  }

  private static boolean looksLikeFile(String value) {
    return value.endsWith(".yaml") || value.endsWith(".yml") || value.contains("/");
  }

  private static Map<String, Object> patient(YamlNodes yaml, Node node) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry :
        yaml.map(node, "patient", PatientSettings.YAML_KEYS).entrySet()) {
      String path = "patient." + entry.getKey();
      if (entry.getKey().equals("intendedSpeedSchedule")) {
        List<Map<String, Object>> knots = new ArrayList<>();
        int index = 1;
        for (Node knot : yaml.sequence(entry.getValue(), path)) {
          String knotPath = path + "[" + index++ + "]";
          Map<String, Object> knotValues = new LinkedHashMap<>();
          yaml.map(knot, knotPath, List.of("atS", "speedMps"))
              .forEach(
                  (key, value) ->
                      knotValues.put(key, yaml.number(value, knotPath + "." + key, 0, MAX_S)));
          knots.add(knotValues);
        }
        values.put(entry.getKey(), knots);
      } else {
        values.put(entry.getKey(), yaml.scalarValue(entry.getValue(), path));
      }
    }
    return values;
  }

  private static List<Injection> injections(YamlNodes yaml, Node node) {
    List<Injection> injections = new ArrayList<>();
    int index = 1;
    for (Node item : yaml.sequence(node, "inject")) {
      String path = "inject[" + index++ + "]";
      Map<String, Node> fields = yaml.map(item, path, INJECT_KEYS);
      Double atS = null;
      if (fields.containsKey("atS")) {
        atS = yaml.number(fields.get("atS"), path + ".atS", 0, MAX_S);
      } else {
        yaml.error(
            item, path + ".atS", "is required (seconds after the belt reached the first stage)");
      }
      boolean sim = fields.containsKey("sim");
      boolean process = fields.containsKey("process");
      boolean agent = fields.containsKey("agent");
      if ((sim ? 1 : 0) + (process ? 1 : 0) + (agent ? 1 : 0) != 1) {
        yaml.error(
            item,
            path,
            "needs exactly one of sim (a fault console line), process ("
                + processNames()
                + ") or agent ("
                + agentNames()
                + ")");
        continue;
      }
      if (agent) {
        AgentFault fault = agentFault(yaml, fields.get("agent"), path + ".agent");
        if (atS != null && fault != null) {
          injections.add(new Injection(atS, fault));
        }
      } else if (sim) {
        String command = yaml.text(fields.get("sim"), path + ".sim");
        if (atS != null && command != null) {
          injections.add(new Injection(atS, command.trim(), null));
        }
      } else {
        Injection.ProcessFault fault = processFault(yaml, fields.get("process"), path + ".process");
        if (fault != null) {
          String target = processTarget(yaml, item, fields, path, fault);
          long pauseMs = pauseMs(yaml, item, fields, path, fault);
          if (atS != null) {
            injections.add(new Injection(atS, fault, target, pauseMs));
          }
        }
      }
    }
    return injections;
  }

  /** The longest pause-controller: far beyond every watchdog, short of a scenario's timeout. */
  static final int MAX_PAUSE_MS = 10_000;

  private static String processTarget(
      YamlNodes yaml,
      Node item,
      Map<String, Node> fields,
      String path,
      Injection.ProcessFault fault) {
    List<String> targets =
        switch (fault) {
          case CLOSE_PTY -> List.of("pbu", "lca");
          case RESET_TCP -> List.of("drive", "bws");
          default -> List.of();
        };
    if (targets.isEmpty()) {
      if (fields.containsKey("target")) {
        yaml.error(fields.get("target"), path + ".target", "only for close-pty and reset-tcp");
      }
      return null;
    }
    if (!fields.containsKey("target")) {
      yaml.error(item, path + ".target", "is required for " + fault.yamlName() + ": " + targets);
      return null;
    }
    String target = yaml.text(fields.get("target"), path + ".target");
    if (target != null && !targets.contains(target)) {
      yaml.error(
          fields.get("target"),
          path + ".target",
          "must be one of " + targets + "; not '" + target + "'");
      return null;
    }
    return target;
  }

  private static long pauseMs(
      YamlNodes yaml,
      Node item,
      Map<String, Node> fields,
      String path,
      Injection.ProcessFault fault) {
    if (fault != Injection.ProcessFault.PAUSE_CONTROLLER) {
      if (fields.containsKey("ms")) {
        yaml.error(fields.get("ms"), path + ".ms", "only for pause-controller");
      }
      return 0;
    }
    if (!fields.containsKey("ms")) {
      yaml.error(item, path + ".ms", "is required for pause-controller (how long it is stopped)");
      return 0;
    }
    Integer ms = yaml.integer(fields.get("ms"), path + ".ms", 1, MAX_PAUSE_MS);
    return ms == null ? 0 : ms;
  }

  private static String processNames() {
    List<String> names = new ArrayList<>();
    for (Injection.ProcessFault fault : Injection.ProcessFault.values()) {
      names.add(fault.yamlName());
    }
    return String.join(", ", names);
  }

  private static String agentNames() {
    List<String> names = new ArrayList<>();
    for (AgentFault fault : AgentFault.values()) {
      names.add(fault.name());
    }
    return String.join(", ", names);
  }

  private static AgentFault agentFault(YamlNodes yaml, Node node, String path) {
    String text = yaml.text(node, path);
    AgentFault fault = text == null ? null : AgentFault.of(text);
    if (text != null && fault == null) {
      yaml.error(node, path, "must be one of: " + agentNames() + "; not '" + text + "'");
    }
    return fault;
  }

  private static Injection.ProcessFault processFault(YamlNodes yaml, Node node, String path) {
    String text = yaml.text(node, path);
    for (Injection.ProcessFault fault : Injection.ProcessFault.values()) {
      if (fault.yamlName().equals(text)) {
        return fault;
      }
    }
    if (text != null) {
      yaml.error(node, path, "must be one of: " + processNames() + "; not '" + text + "'");
    }
    return null;
  }

  /**
   * The expectations under {@code key} ({@code expect} or {@code orExpect}); one measured from an
   * injection where nothing is injected is an error.
   */
  private static List<Expectation> expectations(
      YamlNodes yaml, Node node, String key, List<Injection> injections) {
    List<Expectation> expectations = expectations(yaml, node, key);
    if (injections.isEmpty()) {
      for (Expectation expectation : expectations) {
        if (expectation.measuredFromInjection()) {
          yaml.error(
              node,
              key,
              "'"
                  + expectation.describe()
                  + "' is measured from an injection, and nothing is injected");
        }
      }
    }
    return expectations;
  }

  private static List<Expectation> expectations(YamlNodes yaml, Node node, String key) {
    List<Expectation> expectations = new ArrayList<>();
    for (Map.Entry<String, Node> entry : yaml.map(node, key, EXPECT_KEYS).entrySet()) {
      String path = key + "." + entry.getKey();
      Node value = entry.getValue();
      Expectation expectation =
          switch (entry.getKey()) {
            case "exitCode" -> {
              Integer code = yaml.integer(value, path, 0, 255);
              yield code == null ? null : new Expectations.ExitCode(code);
            }
            case "fault" -> fault(yaml, value, path);
            case "beltStopped" -> {
              Map<String, Node> f = fields(yaml, value, path, List.of("belowMps", "withinMs"));
              Double below =
                  f.containsKey("belowMps")
                      ? yaml.number(f.get("belowMps"), path + ".belowMps", 0, 5)
                      : Double.valueOf(0.05);
              Double within = within(yaml, f, value, path);
              yield below == null || within == null
                  ? null
                  : new Expectations.BeltStopped(below, within);
            }
            case "harnessHeld" -> {
              Double within =
                  within(yaml, fields(yaml, value, path, List.of("withinMs")), value, path);
              yield within == null ? null : new Expectations.HarnessHeld(within);
            }
            case "watchdogTrip" -> {
              Map<String, Node> f = fields(yaml, value, path, List.of("device", "withinMs"));
              String device =
                  f.containsKey("device") ? yaml.text(f.get("device"), path + ".device") : "drive";
              if (device != null && !device.equals("drive") && !device.equals("bws")) {
                yaml.error(
                    f.get("device"),
                    path + ".device",
                    "must be drive or bws, not '" + device + "'");
                device = null;
              }
              Double within = within(yaml, f, value, path);
              yield device == null || within == null
                  ? null
                  : new Expectations.WatchdogTrip(device, within);
            }
            case "beltFalls" -> {
              Double within =
                  within(yaml, fields(yaml, value, path, List.of("withinMs")), value, path);
              yield within == null ? null : new Expectations.BeltFalls(within);
            }
            case "steps" -> {
              Map<String, Node> f =
                  fields(yaml, value, path, List.of("withinPercent", "heelStrikeWithinMs"));
              Double percent = required(yaml, f, value, path, "withinPercent", 100);
              Double heelStrikeMs = required(yaml, f, value, path, "heelStrikeWithinMs", 1000);
              yield percent == null || heelStrikeMs == null
                  ? null
                  : new Expectations.Steps(percent, heelStrikeMs);
            }
            case "symmetry" -> {
              Double points =
                  required(
                      yaml,
                      fields(yaml, value, path, List.of("withinPoints")),
                      value,
                      path,
                      "withinPoints",
                      100);
              yield points == null ? null : new Expectations.Symmetry(points);
            }
            case "unloadingRms" -> {
              Double below =
                  required(
                      yaml,
                      fields(yaml, value, path, List.of("belowPercentBw")),
                      value,
                      path,
                      "belowPercentBw",
                      100);
              yield below == null ? null : new Expectations.UnloadingRms(below);
            }
            case "journalComplete" -> {
              Boolean complete = yaml.bool(value, path);
              if (Boolean.FALSE.equals(complete)) {
                yaml.error(value, path, "can only be true (leave it out to not check the journal)");
              }
              yield Boolean.TRUE.equals(complete) ? new Expectations.JournalComplete() : null;
            }
            case "noFalseTrip" -> onlyTrue(yaml, value, path, new SoakExpectations.NoFalseTrip());
            case "noLostFrames" -> onlyTrue(yaml, value, path, new SoakExpectations.NoLostFrames());
            case "rssFlat" -> {
              Double percent =
                  required(
                      yaml,
                      fields(yaml, value, path, List.of("maxGrowthPercent")),
                      value,
                      path,
                      "maxGrowthPercent",
                      1000);
              yield percent == null ? null : new SoakExpectations.RssFlat(percent);
            }
            case "heapFlat" -> {
              Double mb =
                  required(
                      yaml,
                      fields(yaml, value, path, List.of("maxGrowthMb")),
                      value,
                      path,
                      "maxGrowthMb",
                      100_000);
              yield mb == null ? null : new SoakExpectations.HeapFlat(mb);
            }
            case "noDeviceFault" -> onlyTrue(yaml, value, path, new Expectations.NoDeviceFault());
            default -> throw new IllegalStateException("key checked by the map: " + entry.getKey());
          };
      if (expectation != null) {
        expectations.add(expectation);
      }
    }
    return expectations;
  }

  /** A flag expectation ({@code noFalseTrip: true}): only true means anything. */
  private static Expectation onlyTrue(
      YamlNodes yaml, Node value, String path, Expectation expectation) {
    Boolean flag = yaml.bool(value, path);
    if (Boolean.FALSE.equals(flag)) {
      yaml.error(value, path, "can only be true (leave it out to not check it)");
    }
    return Boolean.TRUE.equals(flag) ? expectation : null;
  }

  private static Expectation fault(YamlNodes yaml, Node value, String path) {
    Map<String, Node> f = fields(yaml, value, path, List.of("codes", "stopWithinMs"));
    List<String> codes = new ArrayList<>();
    if (!f.containsKey("codes")) {
      yaml.error(value, path + ".codes", "is required (fault codes such as [F08])");
    } else {
      int index = 1;
      for (Node code : yaml.sequence(f.get("codes"), path + ".codes")) {
        String codePath = path + ".codes[" + index++ + "]";
        String text = yaml.text(code, codePath);
        if (text != null && !text.matches("F\\d\\d")) {
          yaml.error(code, codePath, "must be a fault code F01..F99, not '" + text + "'");
        } else if (text != null) {
          codes.add(text);
        }
      }
    }
    Double stopWithinMs =
        f.containsKey("stopWithinMs")
            ? yaml.number(f.get("stopWithinMs"), path + ".stopWithinMs", 0, MAX_MS)
            : null;
    return codes.isEmpty() ? null : new Expectations.Fault(codes, stopWithinMs);
  }

  private static Map<String, Node> fields(
      YamlNodes yaml, Node value, String path, List<String> keys) {
    return yaml.map(value, path, keys);
  }

  private static Double within(YamlNodes yaml, Map<String, Node> fields, Node value, String path) {
    return required(yaml, fields, value, path, "withinMs", MAX_MS);
  }

  private static Double required(
      YamlNodes yaml, Map<String, Node> fields, Node value, String path, String key, double max) {
    if (!fields.containsKey(key)) {
      yaml.error(value, path + "." + key, "is required");
      return null;
    }
    return yaml.number(fields.get(key), path + "." + key, 0, max);
  }
}
