package org.gaitctl.core.journal;

/**
 * A {@link JournalRecordType#COMMAND} record decoded: a command sent to a device (or a failed
 * heartbeat or status read) and what came back.
 *
 * @param timeNs when it was sent, ns on the session clock
 * @param name what was sent, e.g. {@code "drive.setSpeed"} or {@code "bws.readStatus"}
 * @param argument its argument in the command's unit, NaN for none
 * @param result the {@code CommandResult} name, e.g. {@code "OK"} or {@code "TIMEOUT"}
 */
public record JournalCommand(long timeNs, String name, double argument, String result) {}
