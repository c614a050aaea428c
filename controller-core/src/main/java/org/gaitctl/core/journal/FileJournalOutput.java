package org.gaitctl.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A new journal file, appended through a {@link FileChannel}. */
public final class FileJournalOutput implements JournalOutput {

  private final FileChannel channel;

  private FileJournalOutput(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Creates {@code file}; an existing file is never overwritten (a journal is evidence).
   *
   * @throws IOException when it exists or cannot be created
   */
  public static FileJournalOutput create(Path file) throws IOException {
    return new FileJournalOutput(
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
  }

  @Override
  public void write(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  @Override
  public void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
