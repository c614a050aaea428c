package org.gaitctl.hil.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.core.journal.FileJournalOutput;

/**
 * The JVM {@link FaultAgentTest} attaches to: appends 8-byte records to the journal output in
 * {@code args[0]} every 5 ms, says "writing" after the first, and on a write error prints it and
 * exits 0 (exit 1 if none came within 60 s).
 */
public final class DiskFullChild {

  static final int RECORD_BYTES = 8;

  private DiskFullChild() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    ByteBuffer record = ByteBuffer.allocate(RECORD_BYTES);
    try (FileJournalOutput output = FileJournalOutput.create(Path.of(args[0]))) {
      for (long n = 0; System.nanoTime() < deadlineNs; n++) {
        record.clear();
        record.putLong(n).flip();
        try {
          output.write(record);
        } catch (IOException e) {
          out.println("write failed: " + e.getMessage());
          out.flush();
          return;
        }
        if (n == 0) {
          out.println("writing");
          out.flush();
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
    }
    System.exit(1);
  }
}
