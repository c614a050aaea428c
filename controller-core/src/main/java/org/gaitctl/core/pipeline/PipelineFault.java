package org.gaitctl.core.pipeline;

/**
 * The first fault the pipeline raised.
 *
 * @param kind what went wrong
 * @param where the stage or producer that saw it
 * @param sequence the ring sequence concerned, or -1 when none
 * @param detail what was wrong, in words (e.g. the refused frame geometry)
 * @param cause the exception, or null when the fault is not an exception
 */
public record PipelineFault(
    PipelineFaultKind kind, String where, long sequence, String detail, Throwable cause) {}
