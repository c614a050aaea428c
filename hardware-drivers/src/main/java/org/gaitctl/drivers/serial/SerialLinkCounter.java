package org.gaitctl.drivers.serial;

import org.gaitctl.core.counters.CounterId;

/** What a {@link FramedSerialLink} counts beyond its decoder ({@link DecoderCounter}). */
public enum SerialLinkCounter implements CounterId {
  BYTES_RECEIVED("bytes_received"),
  /** Data samples delivered to the sink. */
  SAMPLES("samples"),
  /** Data messages before this session's START was acknowledged: discarded as stale. */
  SAMPLES_BEFORE_START("samples_before_start"),
  SEQUENCE_GAPS("sequence_gaps"),
  /** Sequence went backwards (device restart, duplicate) and was re-based. */
  SEQUENCE_REBASES("sequence_rebases"),
  /** Known types this reader does not take (a COMMAND from the device, a frame on the LCA). */
  UNEXPECTED_TYPES("unexpected_types"),
  /** Good CRC, but a payload length or field that does not fit its type. */
  MALFORMED_PAYLOADS("malformed_payloads"),
  /** ACKs that answered no command in flight. */
  UNMATCHED_ACKS("unmatched_acks"),
  /** Exceptions thrown by the sample sink; the sample is lost. */
  SINK_ERRORS("sink_errors"),
  PORT_LOSSES("port_losses"),
  OPEN_FAILURES("open_failures"),
  /** Unexpected exceptions in the reader; each one drops the link to LOST. */
  LOOP_ERRORS("loop_errors"),
  COMMANDS("commands"),
  COMMAND_TIMEOUTS("command_timeouts"),
  COMMAND_REJECTIONS("command_rejections"),
  COMMAND_WRITE_ERRORS("command_write_errors");

  private final String label;

  SerialLinkCounter(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
