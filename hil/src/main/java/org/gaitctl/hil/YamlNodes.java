package org.gaitctl.hil;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitctl.config.ConfigError;
import org.gaitctl.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The YAML node tree of one scenario file with every problem collected as {@code file:line: field
 * message}, the way the profile and protocol readers of module config report theirs: unknown and
 * repeated keys, wrong types and missing fields are all reported together.
 */
final class YamlNodes {

  private final String source;
  private final List<ConfigError> errors = new ArrayList<>();

  YamlNodes(String source) {
    this.source = source;
  }

  /** The document's root node. */
  Node compose(String yamlText) {
    try {
      Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yamlText));
      if (root == null) {
        throw new ConfigException(
            List.of(new ConfigError(source, 0, "", "is empty; expected a scenario")));
      }
      return root;
    } catch (MarkedYAMLException e) {
      Mark began = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
      int line = began == null ? 0 : began.getLine() + 1;
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      throw new ConfigException(
          List.of(new ConfigError(source, line, "", "YAML syntax error: " + problem)));
    } catch (YAMLException e) {
      throw new ConfigException(
          List.of(new ConfigError(source, 0, "", "is not valid YAML: " + e.getMessage())));
    }
  }

  void error(Node node, String path, String message) {
    errors.add(new ConfigError(source, line(node), path, message));
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /**
   * The entries of a mapping by key; unknown keys (not in {@code knownKeys}) and repeated ones are
   * recorded. Returns an empty map (with the error recorded) when the node is no mapping.
   */
  Map<String, Node> map(Node node, String path, List<String> knownKeys) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      error(node, path, "must be a mapping (key: value lines)");
      return entries;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || Tag.NULL.equals(keyNode.getTag())) {
        error(keyNode, path, "has a key that is not plain text");
        continue;
      }
      String key = scalar.getValue();
      String child = child(path, key);
      if (entries.containsKey(key)) {
        error(keyNode, child, "appears twice (first on line " + line(entries.get(key)) + ")");
      } else if (!knownKeys.contains(key)) {
        error(
            keyNode, child, "is not a known key; expected one of: " + String.join(", ", knownKeys));
      } else {
        entries.put(key, tuple.getValueNode());
      }
    }
    return entries;
  }

  List<Node> sequence(Node node, String path) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    error(node, path, "must be a list (lines starting with '- ')");
    return List.of();
  }

  String text(Node node, String path) {
    if (node instanceof ScalarNode scalar && !Tag.NULL.equals(node.getTag())) {
      return scalar.getValue();
    }
    error(node, path, "must be text");
    return null;
  }

  /** A number in {@code [min, max]}, or {@code null} with the error recorded. */
  Double number(Node node, String path, double min, double max) {
    String text = scalarOrNull(node);
    if (text != null) {
      try {
        double value = Double.parseDouble(text);
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // Reported below with the range, like a value out of it.
      }
    }
    error(node, path, "must be a number from " + format(min) + " to " + format(max));
    return null;
  }

  Integer integer(Node node, String path, int min, int max) {
    String text = scalarOrNull(node);
    if (text != null && text.matches("-?\\d{1,9}")) {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    }
    error(node, path, "must be a whole number from " + min + " to " + max);
    return null;
  }

  Boolean bool(Node node, String path) {
    String text = scalarOrNull(node);
    if ("true".equals(text) || "false".equals(text)) {
      return Boolean.valueOf(text);
    }
    error(node, path, "must be true or false");
    return null;
  }

  /** A plain scalar value as a Java value (number or text) for copying into another document. */
  Object scalarValue(Node node, String path) {
    String text = scalarOrNull(node);
    if (text == null) {
      error(node, path, "must be a number or text");
      return null;
    }
    if (text.matches("-?\\d{1,18}")) {
      return Long.valueOf(text);
    }
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      return text; // Text stays text; the profile loader judges it in the per-run profile.
    }
  }

  /** Throws every problem recorded so far, sorted by line, if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      List<ConfigError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(ConfigError::line));
      throw new ConfigException(sorted);
    }
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String scalarOrNull(Node node) {
    return node instanceof ScalarNode scalar && !Tag.NULL.equals(node.getTag())
        ? scalar.getValue()
        : null;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
