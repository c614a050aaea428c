package org.gaitctl.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the writer appends: a file in the product ({@link FileJournalOutput}); a test wraps one to
 * make a disk fill up. Writer thread only.
 */
public interface JournalOutput extends AutoCloseable {

  /** Writes all of {@code bytes} (position to limit), advancing its position. */
  void write(ByteBuffer bytes) throws IOException;

  /** Forces what was written to the storage device (survives a power cut, not only a kill). */
  void force() throws IOException;

  @Override
  void close() throws IOException;
}
