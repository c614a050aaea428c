package org.gaitctl.drivers.serial;

import static org.gaitctl.drivers.serial.SerialLinkCounter.BYTES_RECEIVED;
import static org.gaitctl.drivers.serial.SerialLinkCounter.COMMANDS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.COMMAND_REJECTIONS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.COMMAND_TIMEOUTS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.COMMAND_WRITE_ERRORS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.LOOP_ERRORS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.MALFORMED_PAYLOADS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.OPEN_FAILURES;
import static org.gaitctl.drivers.serial.SerialLinkCounter.PORT_LOSSES;
import static org.gaitctl.drivers.serial.SerialLinkCounter.SAMPLES;
import static org.gaitctl.drivers.serial.SerialLinkCounter.SAMPLES_BEFORE_START;
import static org.gaitctl.drivers.serial.SerialLinkCounter.SEQUENCE_GAPS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.SEQUENCE_REBASES;
import static org.gaitctl.drivers.serial.SerialLinkCounter.SINK_ERRORS;
import static org.gaitctl.drivers.serial.SerialLinkCounter.UNEXPECTED_TYPES;
import static org.gaitctl.drivers.serial.SerialLinkCounter.UNMATCHED_ACKS;

import java.util.List;
import org.gaitctl.core.counters.CounterGroup;
import org.gaitctl.core.counters.CounterSet;
import org.gaitctl.core.port.StreamCounters;

/**
 * Counters of one framed serial link: its decoder's ({@link DecoderCounter}) and its own ({@link
 * SerialLinkCounter}), readable from any thread without touching its loop. The reader thread writes
 * most of them; command callers write the command counters.
 */
public final class SerialLinkCounters implements StreamCounters {

  private final CounterSet<DecoderCounter> decoder;
  private final CounterSet<SerialLinkCounter> link;

  /**
   * @param name the link's name; the groups are {@code name.decoder} and {@code name.link}
   */
  SerialLinkCounters(String name) {
    this.decoder = new CounterSet<>(name + ".decoder", DecoderCounter.class);
    this.link = new CounterSet<>(name + ".link", SerialLinkCounter.class);
  }

  /** The decoder's counters, which the link's decoder writes. */
  CounterSet<DecoderCounter> decoder() {
    return decoder;
  }

  /** Adds one from the reader thread (single writer). */
  void countOnReader(SerialLinkCounter counter) {
    link.incrementOrdered(counter);
  }

  /** Adds {@code delta} from the reader thread (single writer). */
  void addOnReader(SerialLinkCounter counter, long delta) {
    link.addOrdered(counter, delta);
  }

  /** Adds one from a caller thread (commands, open), which may race another caller. */
  void count(SerialLinkCounter counter) {
    link.increment(counter);
  }

  /** The decoder's and the link's counter groups, for a counter registry. */
  public List<CounterGroup> groups() {
    return List.of(decoder, link);
  }

  public long get(SerialLinkCounter counter) {
    return link.get(counter);
  }

  @Override
  public long messages() {
    return decoder.get(DecoderCounter.MESSAGES);
  }

  @Override
  public long samples() {
    return link.get(SAMPLES);
  }

  /**
   * Data messages that arrived between the port's opening and the ACK of this session's START: a
   * previous session's backlog, discarded (not delivered, no sequence counted).
   */
  public long samplesBeforeStart() {
    return link.get(SAMPLES_BEFORE_START);
  }

  @Override
  public long crcErrors() {
    return decoder.get(DecoderCounter.CRC_ERRORS);
  }

  @Override
  public long badHeaders() {
    return decoder.get(DecoderCounter.BAD_VERSIONS) + decoder.get(DecoderCounter.BAD_LENGTHS);
  }

  /** Unknown types in the spec's sense plus known types this reader does not take. */
  @Override
  public long unknownTypes() {
    return decoder.get(DecoderCounter.UNKNOWN_TYPES) + link.get(UNEXPECTED_TYPES);
  }

  @Override
  public long sequenceGaps() {
    return link.get(SEQUENCE_GAPS);
  }

  @Override
  public long bytesSkipped() {
    return decoder.get(DecoderCounter.BYTES_SKIPPED);
  }

  public long bytesReceived() {
    return link.get(BYTES_RECEIVED);
  }

  public long sequenceRebases() {
    return link.get(SEQUENCE_REBASES);
  }

  public long malformedPayloads() {
    return link.get(MALFORMED_PAYLOADS);
  }

  public long unmatchedAcks() {
    return link.get(UNMATCHED_ACKS);
  }

  public long sinkErrors() {
    return link.get(SINK_ERRORS);
  }

  public long portLosses() {
    return link.get(PORT_LOSSES);
  }

  public long openFailures() {
    return link.get(OPEN_FAILURES);
  }

  public long loopErrors() {
    return link.get(LOOP_ERRORS);
  }

  public long commands() {
    return link.get(COMMANDS);
  }

  public long commandTimeouts() {
    return link.get(COMMAND_TIMEOUTS);
  }

  public long commandRejections() {
    return link.get(COMMAND_REJECTIONS);
  }

  public long commandWriteErrors() {
    return link.get(COMMAND_WRITE_ERRORS);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (CounterGroup group : groups()) {
      for (int i = 0; i < group.size(); i++) {
        if (group.value(i) != 0) {
          text.append(group.label(i)).append('=').append(group.value(i)).append(' ');
        }
      }
    }
    return text.toString().strip();
  }
}
