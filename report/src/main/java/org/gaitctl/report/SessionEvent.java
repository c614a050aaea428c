package org.gaitctl.report;

/**
 * A fault, safety state change, operator action or refused command, in time order.
 *
 * @param timeS s from the session's first record
 * @param kind "fault", "safety", "operator" or "refused"
 * @param text what happened, as journaled
 */
public record SessionEvent(double timeS, String kind, String text) {}
