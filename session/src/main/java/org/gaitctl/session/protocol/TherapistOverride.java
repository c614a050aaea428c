package org.gaitctl.session.protocol;

/**
 * One override of a stage's target by the therapist; lasts until the stage ends.
 *
 * @param protocolTimeS protocol time when it was made (pauses excluded), s
 * @param stageIndex the stage, from 0
 * @param stageName the stage's name
 * @param what "speed m/s", "unloading %BW" or "incline %"
 * @param from the target before
 * @param to the target after
 */
public record TherapistOverride(
    double protocolTimeS, int stageIndex, String stageName, String what, double from, double to) {}
