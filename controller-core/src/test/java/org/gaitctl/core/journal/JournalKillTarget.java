package org.gaitctl.core.journal;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.core.pipeline.RingEvent;
import org.gaitctl.core.pipeline.RingTranslators;
import org.gaitctl.core.pipeline.StageSequence;
import org.gaitctl.core.time.NanoClock;

/**
 * A process that records a journal until it is killed: frames and load samples through the ring's
 * journal stage at about the reference rates, and operator actions through the sink. Prints {@code
 * written BYTES} whenever the writer has handed more bytes to the operating system, so the killing
 * test knows what must survive. Started by {@link JournalSigkillTest}.
 */
public final class JournalKillTarget {

  private JournalKillTarget() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    try (Journal journal =
        Journal.create(file, JournalTest.options(true), JournalTest.METADATA, NanoClock.SYSTEM)) {
      journal.start();
      StageSequence stages = JournalTest.sequence(journal);
      RingEvent event = RingEvent.factory(JournalTest.GRID.cellsPerBelt()).newInstance();
      long sequence = 0;
      long reported = 0;
      for (int i = 0; ; i++) {
        long nowNs = System.nanoTime();
        RingTranslators.pressureFrame(
            event,
            nowNs,
            i,
            i,
            0,
            JournalTest.GRID.rows(),
            JournalTest.GRID.cols(),
            JournalTest.cells(i));
        stages.process(event, sequence++);
        for (int s = 0; s < 3; s++) {
          RingTranslators.loadSample(event, nowNs + s, 3L * i + s, 0, 30_000 + s, 0);
          stages.process(event, sequence++);
        }
        if (i % 100 == 0) {
          journal.sink().operatorAction(nowNs, "action " + i);
        }
        long written = journal.counters().bytesWritten();
        if (written != reported) {
          reported = written;
          System.out.println("written " + written);
          System.out.flush();
        }
        LockSupport.parkNanos(1_000_000);
      }
    }
  }
}
