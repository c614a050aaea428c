package org.gaitctl.core.export;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalRecordType;
import org.gaitctl.core.recording.ReferenceEvent;

/**
 * The per-foot force of a session journal frame by frame, with its gait events, on one time line: s
 * from the first {@code FOOT_CONTACT} frame's arrival. A foot's centre of pressure outside contact
 * (NaN in the journal) holds its last value (0 before the first), since the CSV format takes finite
 * numbers only; belt speed holds the last good drive status read (the first read's speed before
 * it), NaN throughout when the journal has none.
 *
 * @param originNs arrival ns of the first frame: time 0
 * @param timeS frame arrival times, s, strictly increasing
 */
public record JournalForces(
    long originNs,
    double[] timeS,
    double[] leftFzN,
    double[] rightFzN,
    double[] leftCopApM,
    double[] rightCopApM,
    double[] beltSpeedMps,
    List<ReferenceEvent> events) {

  private static final double NS_PER_S = 1e9;

  /** Extracts the forces of {@code journal}; fails when it holds fewer than two frames. */
  public static JournalForces of(JournalReader.Contents journal) {
    List<JournalRecord> frames = journal.ofType(JournalRecordType.FOOT_CONTACT);
    List<JournalRecord> drive = journal.ofType(JournalRecordType.DRIVE_STATUS);
    if (frames.size() < 2) {
      throw new IllegalArgumentException(
          "the journal holds " + frames.size() + " foot contact frames; export needs two or more");
    }
    long originNs = frames.get(0).timeNs();
    int n = frames.size();
    double[] timeS = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    double[] leftCop = new double[n];
    double[] rightCop = new double[n];
    double[] speed = new double[n];
    double lastLeftCop = 0;
    double lastRightCop = 0;
    int nextDrive = 0;
    double speedMps = drive.isEmpty() ? Double.NaN : driveSpeed(drive.get(0));
    int kept = 0;
    for (JournalRecord frame : frames) {
      long arrivalNs = frame.timeNs();
      double t = (arrivalNs - originNs) / NS_PER_S;
      if (kept > 0 && t <= timeS[kept - 1]) {
        // Two frames with one arrival time: keep the first, the time line must increase strictly.
        continue;
      }
      while (nextDrive < drive.size() && drive.get(nextDrive).timeNs() <= arrivalNs) {
        speedMps = driveSpeed(drive.get(nextDrive++));
      }
      ByteBuffer p = frame.payload();
      timeS[kept] = t;
      left[kept] = p.getDouble(10);
      right[kept] = p.getDouble(43);
      double lc = p.getDouble(18);
      double rc = p.getDouble(51);
      lastLeftCop = Double.isFinite(lc) ? lc : lastLeftCop;
      lastRightCop = Double.isFinite(rc) ? rc : lastRightCop;
      leftCop[kept] = lastLeftCop;
      rightCop[kept] = lastRightCop;
      speed[kept] = speedMps;
      kept++;
    }
    List<ReferenceEvent> events = new ArrayList<>();
    for (JournalRecord event : journal.ofType(JournalRecordType.GAIT_EVENT)) {
      ByteBuffer p = event.payload();
      Side side = p.get(8) == 0 ? Side.LEFT : Side.RIGHT;
      GaitEventKind kind = p.get(9) == 0 ? GaitEventKind.HEEL_STRIKE : GaitEventKind.TOE_OFF;
      events.add(new ReferenceEvent(side, kind, (p.getLong(10) - originNs) / NS_PER_S));
    }
    // Ring order is frame order; an event's own time can precede one found on an earlier frame.
    events.sort(Comparator.comparingDouble(ReferenceEvent::timeS));
    return new JournalForces(
        originNs,
        Arrays.copyOf(timeS, kept),
        Arrays.copyOf(left, kept),
        Arrays.copyOf(right, kept),
        Arrays.copyOf(leftCop, kept),
        Arrays.copyOf(rightCop, kept),
        Arrays.copyOf(speed, kept),
        List.copyOf(events));
  }

  /** Whether the journal had a drive status to take belt speed from. */
  public boolean hasBeltSpeed() {
    return beltSpeedMps.length > 0 && Double.isFinite(beltSpeedMps[0]);
  }

  /** Seconds on this time line of journal time {@code ns}. */
  public double secondsOf(long ns) {
    return (ns - originNs) / NS_PER_S;
  }

  private static double driveSpeed(JournalRecord status) {
    return status.payload().getDouble(9);
  }
}
