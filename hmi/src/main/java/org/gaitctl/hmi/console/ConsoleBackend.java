package org.gaitctl.hmi.console;

import java.util.List;
import java.util.function.Consumer;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.session.checks.PreSessionCheck;
import org.gaitctl.session.protocol.ProtocolExecutor;
import org.gaitctl.session.protocol.ProtocolSummary;

/**
 * The devices and the session as the console uses them; the composition root implements it. The
 * console calls the blocking methods on its own worker thread, never on the EDT, and the others
 * from the EDT.
 */
public interface ConsoleBackend {

  /** The protocol library's names. */
  List<String> protocolNames();

  /**
   * Loads a protocol file or library name and checks it for this patient and the device profile.
   *
   * @throws RuntimeException with the reason, for the operator, when it cannot run
   */
  TherapyProtocol protocol(String fileOrName, double bodyMassKg);

  /**
   * Blocking (worker thread): makes the devices ready for a patient of {@code bodyMassKg} (opens
   * them, or reopens them for another mass) and runs the pre-session checks for that patient and
   * the protocol {@code protocolFileOrName}.
   *
   * @param progress told of the list as each check completes
   * @return every check with its state and reason
   */
  List<PreSessionCheck> prepare(
      double bodyMassKg, String protocolFileOrName, Consumer<List<PreSessionCheck>> progress);

  /** What the console reads of the open devices; null while they are not open. Any thread. */
  ConsoleFeeds feeds();

  /**
   * Creates the protocol run on the open devices and starts it (the session arms, takes up the
   * harness, then starts the belt). Never blocks.
   */
  ProtocolExecutor start(String patientId, double bodyMassKg, TherapyProtocol protocol);

  /**
   * EDT, at every refresh: moves the steps completed since the last call into the run's record for
   * the session files (its own queue on the step feed). Never blocks.
   */
  void drainRecording();

  /** Asks the session to clear a latched stop through the supervisor. Never blocks. */
  void acknowledge();

  /**
   * Blocking (worker thread): writes the ended run's session files.
   *
   * @return where they went, or why they could not be written, for the operator
   */
  String writeSessionFiles(ProtocolSummary summary);

  /** Blocking (worker thread): stops the belt through the supervisor and closes the devices. */
  void close();
}
