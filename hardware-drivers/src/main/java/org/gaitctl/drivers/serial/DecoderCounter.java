package org.gaitctl.drivers.serial;

import org.gaitctl.core.counters.CounterId;

/** What a {@link FrameDecoder} counts: every way a byte stream can fail to be a frame. */
public enum DecoderCounter implements CounterId {
  /** Messages with a good CRC (known and unknown types). */
  MESSAGES("messages"),
  CRC_ERRORS("crc_errors"),
  /** Headers whose version byte is not 1. */
  BAD_VERSIONS("bad_versions"),
  /** Headers whose length is above the stream's maximum (an impossible length). */
  BAD_LENGTHS("bad_lengths"),
  /** Messages with a good CRC and a type the protocol does not define. */
  UNKNOWN_TYPES("unknown_types"),
  /** Bytes skipped while resynchronising on the next sync word. */
  BYTES_SKIPPED("bytes_skipped");

  private final String label;

  DecoderCounter(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
