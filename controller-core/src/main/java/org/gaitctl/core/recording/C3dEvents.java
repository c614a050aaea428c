package org.gaitctl.core.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;

/**
 * The gait events of a C3D trial: heel strikes and toe offs from the EVENT group ({@code USED},
 * {@code LABELS}, {@code CONTEXTS}, {@code TIMES} as [minutes, seconds], each continued in {@code
 * LABELS2}, {@code LABELS3}, ... past 255 events as BTK writes and reads them), or, when that
 * yields none, from the header's event block (labels such as {@code RHS}, {@code LTO}). Times are
 * moved from "since frame 1" to the trial's analog time line; events outside the trial are dropped.
 */
final class C3dEvents {

  private C3dEvents() {}

  static List<ReferenceEvent> read(C3dParameters parameters, C3dHeader header, double durationS)
      throws RecordingFormatException {
    double firstFrameS = header.firstFrameS();
    List<ReferenceEvent> events = new ArrayList<>();
    if (parameters.has("EVENT:TIMES") && parameters.has("EVENT:LABELS")) {
      List<String> labels = continued(parameters, "EVENT:LABELS");
      List<String> contexts = continued(parameters, "EVENT:CONTEXTS");
      List<Double> times = new ArrayList<>();
      for (int k = 0; parameters.has("EVENT:TIMES" + continuationSuffix(k)); k++) {
        for (double t : parameters.numbers("EVENT:TIMES" + continuationSuffix(k))) {
          times.add(t);
        }
      }
      int used =
          parameters.has("EVENT:USED") ? (int) parameters.number("EVENT:USED") : labels.size();
      if (labels.size() < used || times.size() < 2 * used) {
        throw parameters.error(
            "EVENT:TIMES",
            "fewer labels ("
                + labels.size()
                + ") or times ("
                + times.size() / 2
                + ") than EVENT:USED = "
                + used
                + ", counting LABELS2, TIMES2, ...");
      }
      for (int i = 0; i < used; i++) {
        String context = i < contexts.size() ? contexts.get(i) : "";
        double timeS = 60 * times.get(2 * i) + times.get(2 * i + 1) - firstFrameS;
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

  /**
   * The parameter name suffix of the {@code k}-th array of a group's continued arrays: "" for the
   * first, then "2", "3", ... (EVENT:LABELS, LABELS2, LABELS3, as BTK reads them).
   */
  static String continuationSuffix(int k) {
    return k == 0 ? "" : Integer.toString(k + 1);
  }

  /** {@code key}'s strings followed by those of its continuations; empty when absent. */
  private static List<String> continued(C3dParameters parameters, String key)
      throws RecordingFormatException {
    List<String> all = new ArrayList<>();
    for (int k = 0; parameters.has(key + continuationSuffix(k)); k++) {
      all.addAll(parameters.strings(key + continuationSuffix(k)));
    }
    return all;
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
