package org.gaitctl.config.protocol;

import java.util.Map;

/**
 * Where each field of a protocol file was written, so that a check made after loading (against a
 * patient, a device) names file, line and field like the loader's own errors.
 *
 * @param source the file or resource as the user named it
 * @param lineOfField 1-based line of each field path, e.g. {@code stages[2].speedMps}
 */
public record FieldLines(String source, Map<String, Integer> lineOfField) {

  public FieldLines {
    lineOfField = Map.copyOf(lineOfField);
  }

  /** The line of {@code path}, else of its nearest enclosing field, else 0 (the whole file). */
  public int lineOf(String path) {
    String field = path;
    while (!field.isEmpty()) {
      Integer line = lineOfField.get(field);
      if (line != null) {
        return line;
      }
      int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
      field = cut < 0 ? "" : field.substring(0, cut);
    }
    return 0;
  }
}
