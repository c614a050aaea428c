package org.gaitctl.core.recording;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;

/**
 * Decides which foot stood on each force plate of an overground trial.
 *
 * <p>A plate's contacts are the runs of samples above {@code contactThreshold} lasting at least
 * {@link #MIN_CONTACT_S}. With reference events, the foot whose heel strike falls inside a contact
 * (or up to {@link #EARLY_STRIKE_S} before it starts, since a marker-based strike can lead the
 * force threshold) gets the plate; if both feet strike inside a contact the earlier strike wins. A
 * plate contacted by different feet cannot belong to one foot and is an error. A contact already
 * under way at the trial's first sample decides nothing (its strike was before the trial). Plates
 * no event decides take their side from the order of first contacts, feet alternating, counted from
 * the nearest decided plate; if no plate is decided the first contact is taken as the left foot. A
 * plate never contacted belongs to no foot.
 */
final class PlateAssignment {

  static final double MIN_CONTACT_S = 0.05;
  static final double EARLY_STRIKE_S = 0.05;

  /** How the sides were decided, for the recording's source description. */
  enum Basis {
    EVENTS,
    SEQUENCE,
    EVENTS_AND_SEQUENCE,
    NO_CONTACT
  }

  /** Side per plate ({@code null} for a plate never contacted), and how it was decided. */
  record Result(Side[] sides, Basis basis) {}

  private PlateAssignment() {}

  static Result assign(
      String fileName,
      double[] timeS,
      double[][] plateFz,
      double contactThreshold,
      List<ReferenceEvent> events)
      throws RecordingFormatException {
    int plates = plateFz.length;
    Side[] sides = new Side[plates];
    double[] firstContactS = new double[plates];
    boolean anyByEvent = false;
    for (int p = 0; p < plates; p++) {
      List<double[]> contacts = contacts(timeS, plateFz[p], contactThreshold);
      firstContactS[p] = contacts.isEmpty() ? Double.NaN : contacts.get(0)[0];
      for (double[] contact : contacts) {
        if (contact[0] <= timeS[0]) {
          // Loaded when the trial began (a treadmill journal starts with the patient standing):
          // its strike came before the trial, and a strike of the other foot inside it says
          // nothing about this plate.
          continue;
        }
        Side side = strikingSide(contact, events);
        if (side == null) {
          continue;
        }
        if (sides[p] != null && sides[p] != side) {
          throw new RecordingFormatException(
              fileName,
              "FORCE_PLATFORM",
              "plate " + (p + 1) + " is struck by both feet; it cannot be assigned to one foot");
        }
        sides[p] = side;
        anyByEvent = true;
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int p = 0; p < plates; p++) {
      if (!Double.isNaN(firstContactS[p])) {
        order.add(p);
      }
    }
    if (order.isEmpty()) {
      return new Result(sides, Basis.NO_CONTACT);
    }
    order.sort((a, b) -> Double.compare(firstContactS[a], firstContactS[b]));
    boolean anyBySequence = false;
    for (int i = 0; i < order.size(); i++) {
      int plate = order.get(i);
      if (sides[plate] == null) {
        sides[plate] = sideFromSequence(order, i, sides);
        anyBySequence = true;
      }
    }
    Basis basis =
        !anyByEvent ? Basis.SEQUENCE : anyBySequence ? Basis.EVENTS_AND_SEQUENCE : Basis.EVENTS;
    return new Result(sides, basis);
  }

  /** Contact intervals {start, end} in seconds. */
  static List<double[]> contacts(double[] timeS, double[] fz, double threshold) {
    List<double[]> contacts = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= fz.length; i++) {
      boolean loaded = i < fz.length && fz[i] > threshold;
      if (loaded && start < 0) {
        start = i;
      } else if (!loaded && start >= 0) {
        double startS = timeS[start];
        double endS = timeS[i - 1];
        if (endS - startS >= MIN_CONTACT_S) {
          contacts.add(new double[] {startS, endS});
        }
        start = -1;
      }
    }
    return contacts;
  }

  private static Side strikingSide(double[] contact, List<ReferenceEvent> events) {
    ReferenceEvent earliest = null;
    for (ReferenceEvent e : events) {
      boolean inside = e.timeS() >= contact[0] - EARLY_STRIKE_S && e.timeS() <= contact[1];
      if (e.kind() == GaitEventKind.HEEL_STRIKE
          && inside
          && (earliest == null || e.timeS() < earliest.timeS())) {
        earliest = e;
      }
    }
    return earliest == null ? null : earliest.side();
  }

  private static Side sideFromSequence(List<Integer> order, int index, Side[] sides) {
    for (int distance = 1; distance < order.size(); distance++) {
      for (int neighbour : new int[] {index - distance, index + distance}) {
        if (neighbour >= 0 && neighbour < order.size()) {
          Side known = sides[order.get(neighbour)];
          if (known != null) {
            return distance % 2 == 0 ? known : known.opposite();
          }
        }
      }
    }
    return index % 2 == 0 ? Side.LEFT : Side.RIGHT;
  }
}
