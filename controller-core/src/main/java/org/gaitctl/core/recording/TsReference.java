package org.gaitctl.core.recording;

import java.util.List;

/**
 * The per-stride reference of a PhysioNet gaitndd record ({@code .ts}): the raw stride table and
 * the gait events it determines.
 *
 * @param source file name, for messages
 * @param strides the rows in file order
 * @param events left heel strikes and left toe offs, in time order (see {@link TsReferenceReader}
 *     for why there are no right-foot events)
 */
public record TsReference(
    String source, List<ReferenceStride> strides, List<ReferenceEvent> events) {

  public TsReference {
    strides = List.copyOf(strides);
    events = List.copyOf(events);
  }
}
