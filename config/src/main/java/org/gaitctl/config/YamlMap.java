package org.gaitctl.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping of a profile with a fixed set of known keys. Unknown and repeated keys are
 * recorded as problems when the mapping is opened, so a typo is never silently ignored.
 */
final class YamlMap {

  private final String path;
  private final int line;
  private final ProfileErrors errors;
  private final Map<String, YamlValue> entries = new LinkedHashMap<>();

  YamlMap(
      MappingNode node, String path, int line, Collection<String> knownKeys, ProfileErrors errors) {
    this.path = path;
    this.line = line;
    this.errors = errors;
    Map<String, Integer> firstLineOfKey = new HashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int keyLine = keyNode.getStartMark().getLine() + 1;
      if (!(keyNode instanceof ScalarNode scalarKey) || Tag.NULL.equals(keyNode.getTag())) {
        errors.add(keyLine, path, "has a key that is not plain text");
        continue;
      }
      String key = scalarKey.getValue();
      Integer firstLine = firstLineOfKey.putIfAbsent(key, keyLine);
      if (firstLine != null) {
        errors.add(keyLine, child(key), "appears twice (first on line " + firstLine + ")");
      } else if (!knownKeys.contains(key)) {
        errors.add(
            keyLine,
            child(key),
            "is not a known key; expected one of: " + String.join(", ", knownKeys));
      } else {
        entries.put(key, new YamlValue(tuple.getValueNode(), child(key), keyLine, errors));
      }
    }
  }

  String path() {
    return path;
  }

  /** The line of the key that holds this mapping (1 for the document). */
  int line() {
    return line;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value under {@code key}, or {@code null} if absent. */
  YamlValue get(String key) {
    return entries.get(key);
  }

  /** The value under {@code key}; records "is required" and returns {@code null} if absent. */
  YamlValue require(String key) {
    YamlValue value = entries.get(key);
    if (value == null) {
      missing(key);
    }
    return value;
  }

  /** Records that {@code key} is required but absent. */
  void missing(String key) {
    errors.add(line, child(key), "is required");
  }

  /** Records a problem of the mapping as a whole. */
  void error(String message) {
    errors.add(line, path, message);
  }

  Integer requireInt(String key, int min, int max) {
    YamlValue value = require(key);
    return value == null ? null : value.asInt(min, max);
  }

  Integer requireIntIn(String key, SettingRange range) {
    YamlValue value = require(key);
    return value == null ? null : value.asIntIn(range);
  }

  Double requireNumber(String key) {
    YamlValue value = require(key);
    return value == null ? null : value.asNumber();
  }

  Double requirePositive(String key) {
    YamlValue value = require(key);
    return value == null ? null : value.asPositive();
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
