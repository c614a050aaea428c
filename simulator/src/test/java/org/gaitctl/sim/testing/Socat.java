package org.gaitctl.sim.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.gaitctl.sim.pty.PseudoTerminalPair;

/**
 * The one decision every test on a pseudo-terminal pair makes: without socat it is skipped, with
 * the reason, never failed (CI installs socat, see {@code .ci/run}).
 */
public final class Socat {

  private Socat() {}

  /** Skips the calling test unless socat is on the PATH. */
  public static void assumeInstalled() {
    assumeTrue(
        PseudoTerminalPair.socatInstalled(),
        "socat is not installed (Debian/Ubuntu: apt-get install socat)");
  }
}
