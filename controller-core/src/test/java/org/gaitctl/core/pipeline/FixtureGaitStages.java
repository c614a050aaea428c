package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.Side;

/**
 * Minimal gait stages for testing the ring itself: a foot's force is the sum of its half of the
 * frame, contact is force above a threshold, heel strike and toe off are the edges of contact, and
 * a step completes at each heel strike after the first of that foot. Allocation-free like the real
 * stages. A frame whose first cell is {@link #FAILING_CELL} makes foot contact throw.
 */
final class FixtureGaitStages {

  /** Cell value that makes the fixture's foot-contact stage throw, to inject a stage fault. */
  static final char FAILING_CELL = 0xDEAD;

  static final double CONTACT_THRESHOLD_N = 20.0;

  private FixtureGaitStages() {}

  static GaitStages create() {
    return new GaitStages(new FootContact(), new GaitEvents(), new Steps());
  }

  private static final class FootContact implements PipelineStage {
    @Override
    public boolean handles(EventKind kind) {
      return kind == EventKind.PRESSURE_FRAME;
    }

    @Override
    public void process(RingEvent event) {
      RingEvent.PressureFrame frame = event.frame();
      char[] cells = frame.cells();
      if (cells[0] == FAILING_CELL) {
        throw new IllegalStateException("injected foot-contact failure");
      }
      int half = frame.cols() / 2;
      long left = 0;
      long right = 0;
      for (int row = 0; row < frame.rows(); row++) {
        int base = row * frame.cols();
        for (int col = 0; col < frame.cols(); col++) {
          if (col < half) {
            left += cells[base + col];
          } else {
            right += cells[base + col];
          }
        }
      }
      double leftN = left * 0.01;
      double rightN = right * 0.01;
      event.foot(Side.LEFT).set(leftN, 0.1, 0.5, 0, leftN > CONTACT_THRESHOLD_N);
      event.foot(Side.RIGHT).set(rightN, 0.4, 0.5, 0, rightN > CONTACT_THRESHOLD_N);
    }
  }

  private static final class GaitEvents implements PipelineStage {
    private final boolean[] inContact = new boolean[2];

    @Override
    public boolean handles(EventKind kind) {
      return kind == EventKind.PRESSURE_FRAME;
    }

    @Override
    public void process(RingEvent event) {
      update(event, Side.LEFT);
      update(event, Side.RIGHT);
    }

    private void update(RingEvent event, Side side) {
      boolean now = event.foot(side).inContact();
      boolean before = inContact[side.ordinal()];
      if (now && !before) {
        event.gaitEvents().heelStrike(side, event.arrivalNs());
      } else if (!now && before) {
        event.gaitEvents().toeOff(side, event.arrivalNs());
      }
      inContact[side.ordinal()] = now;
    }
  }

  private static final class Steps implements PipelineStage {
    private final long[] heelStrikeNs = {StepRecord.UNKNOWN_NS, StepRecord.UNKNOWN_NS};
    private final long[] toeOffNs = {StepRecord.UNKNOWN_NS, StepRecord.UNKNOWN_NS};
    private long steps;

    @Override
    public boolean handles(EventKind kind) {
      return kind == EventKind.PRESSURE_FRAME;
    }

    @Override
    public void process(RingEvent event) {
      update(event, Side.LEFT);
      update(event, Side.RIGHT);
    }

    private void update(RingEvent event, Side side) {
      RingEvent.GaitEvents events = event.gaitEvents();
      int i = side.ordinal();
      if (events.hasToeOff(side)) {
        toeOffNs[i] = events.toeOffNs(side);
      }
      if (!events.hasHeelStrike(side)) {
        return;
      }
      long strikeNs = events.heelStrikeNs(side);
      if (heelStrikeNs[i] != StepRecord.UNKNOWN_NS && toeOffNs[i] != StepRecord.UNKNOWN_NS) {
        event
            .step()
            .complete(side, ++steps)
            .times(heelStrikeNs[i], toeOffNs[i], strikeNs)
            .durations(
                strikeNs - heelStrikeNs[i],
                toeOffNs[i] - heelStrikeNs[i],
                strikeNs - toeOffNs[i],
                StepRecord.UNKNOWN_NS,
                StepRecord.UNKNOWN_NS,
                StepRecord.UNKNOWN_NS);
      }
      heelStrikeNs[i] = strikeNs;
    }
  }
}
