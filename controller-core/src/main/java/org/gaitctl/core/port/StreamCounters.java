package org.gaitctl.core.port;

/** Fixed counters of one framed serial stream, readable from any thread. Values only grow. */
public interface StreamCounters {

  /** Messages decoded with a good CRC. */
  long messages();

  /** Data samples delivered to the sink (frames or load samples). */
  long samples();

  long crcErrors();

  /** Headers rejected for an unknown version or an impossible length. */
  long badHeaders();

  /** Messages with a good CRC and a type this reader does not know. */
  long unknownTypes();

  /** Samples missing according to the device's sequence numbers. */
  long sequenceGaps();

  /** Bytes skipped while hunting for the next sync word. */
  long bytesSkipped();
}
