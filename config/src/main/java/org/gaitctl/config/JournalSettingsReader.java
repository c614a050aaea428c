package org.gaitctl.config;

import java.util.List;

/** Reads the optional {@code journal} section; an absent key keeps its default. */
final class JournalSettingsReader {

  static final List<String> KEYS = List.of("rawFrames");

  private JournalSettingsReader() {}

  /** The settings, or {@code null} after recording their problems. */
  static JournalSettings read(YamlMap section, ProfileErrors errors) {
    int errorsBefore = errors.count();
    boolean rawFrames = JournalSettings.defaults().rawFrames();
    YamlValue value = section.get("rawFrames");
    if (value != null) {
      Boolean parsed = value.asBoolean();
      rawFrames = parsed == null ? rawFrames : parsed;
    }
    return errors.count() == errorsBefore ? new JournalSettings(rawFrames) : null;
  }
}
