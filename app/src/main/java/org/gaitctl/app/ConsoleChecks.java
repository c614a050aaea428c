package org.gaitctl.app;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.session.checks.PreSessionCheck;

/**
 * The console's check list where {@link PreSessionChecks} cannot run: the devices could not be
 * opened, or the protocol could not be read. The list keeps every check's name, the failed one with
 * its reason, so the therapist sees what is missing and Start stays disabled.
 */
final class ConsoleChecks {

  private ConsoleChecks() {}

  /** The devices could not be opened: the drive is the first device the session connects to. */
  static List<PreSessionCheck> notConnected(String reason) {
    return withFailed(PreSessionChecks.DRIVE, reason);
  }

  /** The protocol named could not be resolved or read. */
  static List<PreSessionCheck> protocolUnreadable(String reason) {
    return withFailed(PreSessionChecks.PROTOCOL, reason);
  }

  private static List<PreSessionCheck> withFailed(String failedName, String reason) {
    List<PreSessionCheck> list = new ArrayList<>();
    for (String name : PreSessionChecks.NAMES) {
      list.add(
          name.equals(failedName)
              ? PreSessionCheck.failed(name, reason)
              : PreSessionCheck.pending(name));
    }
    return List.copyOf(list);
  }
}
