package org.gaitctl.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A value in a YAML profile with the field path and line that name it in messages. Every {@code
 * as...} method either returns the typed value or records a problem and returns {@code null}, so
 * that one pass collects every problem of a file.
 */
final class YamlValue {

  private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern HEX_INTEGER = Pattern.compile("0x[0-9A-Fa-f]+");
  private static final Pattern BINARY_INTEGER = Pattern.compile("0b[01]+");
  private static final Pattern DECIMAL_NUMBER =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private final Node node;
  private final String path;
  private final int line;
  private final ProfileErrors errors;

  YamlValue(Node node, String path, int line, ProfileErrors errors) {
    this.node = node;
    this.path = path;
    this.line = line;
    this.errors = errors;
  }

  String path() {
    return path;
  }

  /** The line of the key that holds this value. */
  int line() {
    return line;
  }

  /** Records a problem of this value. */
  void error(String message) {
    errors.add(line, path, message);
  }

  /** An explicit YAML null ({@code ~}, {@code null} or nothing after the colon). */
  boolean isNull() {
    return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
  }

  boolean isScalar() {
    return node instanceof ScalarNode && !isNull();
  }

  /** A mapping whose keys must be among {@code knownKeys}. */
  YamlMap asMap(Collection<String> knownKeys) {
    if (node instanceof MappingNode mapping) {
      return new YamlMap(mapping, path, line, knownKeys, errors);
    }
    String keys = String.join(", ", knownKeys);
    if (isNull()) {
      error("is empty; expected a mapping with keys " + keys);
    } else if (node instanceof ScalarNode scalar) {
      error("must be a mapping with keys " + keys + ", not '" + scalar.getValue() + "'");
    } else {
      error("must be a mapping with keys " + keys + ", not a list");
    }
    return null;
  }

  /** A list; its items are named {@code path[i]} (from 1) at the line where each begins. */
  List<YamlValue> asList() {
    if (!(node instanceof SequenceNode sequence)) {
      error(isNull() ? "is empty; expected a list" : "must be a list");
      return null;
    }
    List<YamlValue> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      int itemLine = item.getStartMark().getLine() + 1;
      items.add(new YamlValue(item, path + "[" + (items.size() + 1) + "]", itemLine, errors));
    }
    return items;
  }

  /** Non-empty text. */
  String asText() {
    if (isNull()) {
      error("has no value");
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      error("must be a single value, not a " + (node instanceof MappingNode ? "mapping" : "list"));
      return null;
    }
    if (scalar.getValue().isEmpty()) {
      error("is empty");
      return null;
    }
    return scalar.getValue();
  }

  /** An integer in {@code min..max}; decimal, {@code 0x} hex or {@code 0b} binary. */
  Long asLong(long min, long max) {
    String text = asText();
    if (text == null) {
      return null;
    }
    Long value = parseInteger(text);
    if (value == null) {
      error("must be an integer, not '" + text + "'");
      return null;
    }
    if (value < min || value > max) {
      error("must be " + min + ".." + max);
      return null;
    }
    return value;
  }

  Integer asInt(int min, int max) {
    Long value = asLong(min, max);
    return value == null ? null : value.intValue();
  }

  /** A finite number. */
  Double asNumber() {
    String text = asText();
    if (text == null) {
      return null;
    }
    if (DECIMAL_NUMBER.matcher(text).matches()) {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    }
    error("must be a number, not '" + text + "'");
    return null;
  }

  /** A number &gt; 0. */
  Double asPositive() {
    Double value = asNumber();
    if (value != null && !(value > 0)) {
      error("must be > 0");
      return null;
    }
    return value;
  }

  /** A number in {@code min..max}, both included. */
  Double asNumberIn(double min, double max) {
    Double value = asNumber();
    if (value != null && (value < min || value > max)) {
      error("must be " + NumberText.range(min, max));
      return null;
    }
    return value;
  }

  Integer asIntIn(SettingRange range) {
    return asInt((int) range.min(), (int) range.max());
  }

  Double asNumberIn(SettingRange range) {
    return asNumberIn(range.min(), range.max());
  }

  /** {@code true} or {@code false}; YAML 1.1's yes/no/on/off are refused as ambiguous. */
  Boolean asBoolean() {
    String text = asText();
    if (text == null) {
      return null;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    error("must be true or false, not '" + text + "'");
    return null;
  }

  /** A transport address of spec §4, parsed by {@link TransportUris#parse(String)}. */
  TransportUri asTransport() {
    String text = asText();
    if (text == null) {
      return null;
    }
    try {
      return TransportUris.parse(text);
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      return null;
    }
  }

  private static Long parseInteger(String text) {
    try {
      if (DECIMAL_INTEGER.matcher(text).matches()) {
        return Long.parseLong(text);
      }
      if (HEX_INTEGER.matcher(text).matches()) {
        return Long.parseLong(text.substring(2), 16);
      }
      if (BINARY_INTEGER.matcher(text).matches()) {
        return Long.parseLong(text.substring(2), 2);
      }
      return null;
    } catch (NumberFormatException tooManyDigits) {
      // More digits than a long holds: certainly outside every range we accept.
      return text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
