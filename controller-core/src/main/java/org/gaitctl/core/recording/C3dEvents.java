package org.gaitctl.core.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;

/**
 * The gait events of a C3D trial: heel strikes and toe offs from the EVENT group ({@code USED},
 * {@code LABELS}, {@code CONTEXTS}, {@code TIMES} as [minutes, seconds]), or, when that yields
 * none, from the header's event block (labels such as {@code RHS}, {@code LTO}). Times are moved
 * from "since frame 1" to the trial's analog time line; events outside the trial are dropped.
 */
final class C3dEvents {

  private C3dEvents() {}

  static List<ReferenceEvent> read(C3dParameters parameters, C3dHeader header, double durationS)
      throws RecordingFormatException {
    double firstFrameS = header.firstFrameS();
    List<ReferenceEvent> events = new ArrayList<>();
    if (parameters.has("EVENT:TIMES") && parameters.has("EVENT:LABELS")) {
      List<String> labels = parameters.strings("EVENT:LABELS");
      List<String> contexts =
          parameters.has("EVENT:CONTEXTS") ? parameters.strings("EVENT:CONTEXTS") : List.of();
      double[] times = parameters.numbers("EVENT:TIMES");
      int used =
          parameters.has("EVENT:USED") ? (int) parameters.number("EVENT:USED") : labels.size();
      if (labels.size() < used || times.length < 2 * used) {
        throw parameters.error("EVENT:TIMES", "fewer labels or times than EVENT:USED = " + used);
      }
      for (int i = 0; i < used; i++) {
        String context = i < contexts.size() ? contexts.get(i) : "";
        double timeS = 60 * times[2 * i] + times[2 * i + 1] - firstFrameS;
        addGaitEvent(events, context, labels.get(i), timeS, durationS);
      }
    }
    if (events.isEmpty()) {
      for (int i = 0; i < header.eventLabels().length; i++) {
        double timeS = header.eventTimesS()[i] - firstFrameS;
        addGaitEvent(events, "", header.eventLabels()[i], timeS, durationS);
      }
    }
    events.sort(Comparator.comparingDouble(ReferenceEvent::timeS));
    return events;
  }

  /** Adds the event when its context or label names a foot and its label a strike or off. */
  private static void addGaitEvent(
      List<ReferenceEvent> events, String context, String label, double timeS, double durationS) {
    String text = label.trim().toUpperCase(Locale.ROOT);
    String ctx = context.trim().toUpperCase(Locale.ROOT);
    Side side =
        ctx.startsWith("LEFT")
            ? Side.LEFT
            : ctx.startsWith("RIGHT")
                ? Side.RIGHT
                : text.startsWith("L") ? Side.LEFT : text.startsWith("R") ? Side.RIGHT : null;
    GaitEventKind kind =
        text.contains("STRIKE") || text.endsWith("HS") || text.contains("CONTACT")
            ? GaitEventKind.HEEL_STRIKE
            : text.contains("OFF") || text.endsWith("TO") ? GaitEventKind.TOE_OFF : null;
    if (side != null && kind != null && timeS >= 0 && timeS <= durationS) {
      events.add(new ReferenceEvent(side, kind, timeS));
    }
  }
}
