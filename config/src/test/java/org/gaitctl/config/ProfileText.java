package org.gaitctl.config;

/**
 * A valid profile for tests, with the treadmill's register map written in full (so that every field
 * has a line of its own) and the BWS unit on the spec layout. Line numbers matter: the
 * broken-profile table names them.
 */
final class ProfileText {

  static final String LIMITS =
      """
      limits:
        maxBeltSpeedMps: 2.0
        minInclinePercent: 0
        maxInclinePercent: 0
        minUnloadingN: 20
        maxUnloadingN: 600
        maxAccelMps2: 0.5
        stopDecelMps2: 0.5
        maxForceRateNPerS: 200
        deviceWatchdogMs: 500
      """;

  static final String VALID =
      """
      treadmill:
        transport: tcp://127.0.0.1:1502
        unitId: 1
        requestTimeoutMs: 100
        registers:
          control: { address: 0 }
          status: { table: input, address: 0 }
          faultCode: { table: input, address: 4 }
          speedAct: { table: input, address: 1, scale: 0.001, unit: m/s }
          speedSet:
            table: holding
            address: 1
            signed: false
            scale: 0.001
            unit: m/s
            min: 0
            max: 5
          controlBits:
            run: { bit: 0 }
            faultReset: { bit: 1 }
            quickStop: { bit: 2 }
          statusBits:
            running: { bit: 0 }
            fault: { bit: 1 }
            estop: { bit: 2 }
      bws:
        transport: tcp://127.0.0.1:1503
        unitId: 2
        requestTimeoutMs: 100
        registers: gaitctl-spec-v1
      pressureBelt:
        transport: serial:/tmp/gaitctl/pbu?baud=921600
        rateHz: 300
        commandTimeoutMs: 500
      loadCell:
        transport: serial:/tmp/gaitctl/lca?baud=921600
        rateHz: 1000
        commandTimeoutMs: 500
      """
          + LIMITS;

  private ProfileText() {}

  /** {@link #VALID} with {@code original} (which must occur exactly once) replaced. */
  static String with(String original, String replacement) {
    return with(VALID, original, replacement);
  }

  static String with(String text, String original, String replacement) {
    int at = text.indexOf(original);
    if (at < 0 || text.indexOf(original, at + 1) >= 0) {
      throw new IllegalArgumentException("'" + original + "' must occur exactly once");
    }
    return text.substring(0, at) + replacement + text.substring(at + original.length());
  }

  /** Parses profile text named {@code devices.yaml} and returns the error message. */
  static String errorsOf(String text) {
    try {
      DevicesConfigLoader.parse(text, "devices.yaml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("profile loaded, expected errors");
  }
}
