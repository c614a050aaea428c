package org.gaitctl.config.protocol;

import java.util.Objects;

/**
 * A loaded protocol with the lines its fields were written on.
 *
 * @param protocol the protocol, valid in itself
 * @param lines where each field was written
 */
public record ProtocolDocument(TherapyProtocol protocol, FieldLines lines) {

  public ProtocolDocument {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(lines, "lines");
  }

  /** The file or resource as the user named it. */
  public String source() {
    return lines.source();
  }
}
