package org.gaitctl.drivers.serial;

import org.gaitctl.core.port.StreamCounters;

/**
 * Counters of one framed serial link, readable from any thread without touching its loop. Each
 * value has a single writer (the reader thread, or the command caller under the command lock).
 */
public final class SerialLinkCounters implements StreamCounters {

  private final FrameDecoder decoder;

  volatile long bytesReceived;
  volatile long samples;
  volatile long samplesBeforeStart;
  volatile long sequenceGaps;
  volatile long sequenceRebases;
  volatile long unexpectedTypes;
  volatile long malformedPayloads;
  volatile long unmatchedAcks;
  volatile long sinkErrors;
  volatile long portLosses;
  volatile long openFailures;
  volatile long loopErrors;
  volatile long commands;
  volatile long commandTimeouts;
  volatile long commandRejections;
  volatile long commandWriteErrors;

  SerialLinkCounters(FrameDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public long messages() {
    return decoder.messages();
  }

  @Override
  public long samples() {
    return samples;
  }

  /**
   * Data messages that arrived between the port's opening and the ACK of this session's START: a
   * previous session's backlog, discarded (not delivered, no sequence counted).
   */
  public long samplesBeforeStart() {
    return samplesBeforeStart;
  }

  @Override
  public long crcErrors() {
    return decoder.crcErrors();
  }

  @Override
  public long badHeaders() {
    return decoder.badHeaders();
  }

  /** Unknown types in the spec's sense plus known types this reader does not take. */
  @Override
  public long unknownTypes() {
    return decoder.unknownTypes() + unexpectedTypes;
  }

  @Override
  public long sequenceGaps() {
    return sequenceGaps;
  }

  @Override
  public long bytesSkipped() {
    return decoder.bytesSkipped();
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  /** Times a sequence went backwards (device restart or duplicate) and was re-based. */
  public long sequenceRebases() {
    return sequenceRebases;
  }

  /** Messages with a good CRC whose payload length or fields do not fit their type. */
  public long malformedPayloads() {
    return malformedPayloads;
  }

  /** ACKs that answered no command in flight (late, or for another command). */
  public long unmatchedAcks() {
    return unmatchedAcks;
  }

  /** Exceptions thrown by the sample sink (a bug in the consumer); the sample is lost. */
  public long sinkErrors() {
    return sinkErrors;
  }

  public long portLosses() {
    return portLosses;
  }

  public long openFailures() {
    return openFailures;
  }

  /** Unexpected exceptions in the reader loop; each one drops the link to LOST. */
  public long loopErrors() {
    return loopErrors;
  }

  public long commands() {
    return commands;
  }

  public long commandTimeouts() {
    return commandTimeouts;
  }

  public long commandRejections() {
    return commandRejections;
  }

  public long commandWriteErrors() {
    return commandWriteErrors;
  }

  @Override
  public String toString() {
    return "messages="
        + messages()
        + " samples="
        + samples
        + " crcErrors="
        + crcErrors()
        + " badHeaders="
        + badHeaders()
        + " unknownTypes="
        + unknownTypes()
        + " sequenceGaps="
        + sequenceGaps
        + " bytesSkipped="
        + bytesSkipped()
        + " malformed="
        + malformedPayloads
        + " portLosses="
        + portLosses
        + " commandTimeouts="
        + commandTimeouts
        + " commandRejections="
        + commandRejections;
  }
}
