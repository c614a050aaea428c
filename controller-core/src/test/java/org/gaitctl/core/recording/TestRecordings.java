package org.gaitctl.core.recording;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the real recordings under {@code src/test/resources/recordings}. */
final class TestRecordings {

  private TestRecordings() {}

  static Path path(String relative) {
    URL url = TestRecordings.class.getResource("/recordings/" + relative);
    if (url == null) {
      throw new IllegalStateException("test resource missing: recordings/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
