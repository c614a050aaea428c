package org.gaitctl.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gaitctl.config.protocol.FieldLines;

/**
 * Reads the values of one protocol file and remembers the line of every field it reads, for the
 * checks that come after loading ({@link FieldLines}).
 */
final class ProtocolFieldReader {

  private final String source;
  private final Map<String, Integer> lines = new LinkedHashMap<>();

  ProtocolFieldReader(String source) {
    this.source = source;
  }

  /** The value under {@code key} (its line remembered), or {@code null} if absent. */
  YamlValue optional(YamlMap map, String key) {
    YamlValue value = map.get(key);
    if (value != null) {
      lines.put(value.path(), value.line());
    }
    return value;
  }

  /** The value under {@code key}; records "is required" and returns {@code null} if absent. */
  YamlValue required(YamlMap map, String key) {
    YamlValue value = optional(map, key);
    if (value == null) {
      map.missing(key);
    }
    return value;
  }

  /** A required number in {@code min..max}, or {@code null} after recording the problem. */
  Double number(YamlMap map, String key, double min, double max) {
    YamlValue value = required(map, key);
    return value == null ? null : value.asNumberIn(min, max);
  }

  /** A required number &gt; 0 and at most {@code max}, or {@code null} after recording. */
  Double positive(YamlMap map, String key, double max) {
    YamlValue value = required(map, key);
    if (value == null) {
      return null;
    }
    Double number = value.asPositive();
    if (number != null && number > max) {
      value.error("must be at most " + NumberText.format(max));
      return null;
    }
    return number;
  }

  /** An optional number in {@code min..max}; {@code absent} if the key is not there. */
  Double optionalNumber(YamlMap map, String key, double min, double max, double absent) {
    YamlValue value = optional(map, key);
    return value == null ? Double.valueOf(absent) : value.asNumberIn(min, max);
  }

  void remember(YamlValue value) {
    lines.put(value.path(), value.line());
  }

  FieldLines lines() {
    return new FieldLines(source, lines);
  }
}
