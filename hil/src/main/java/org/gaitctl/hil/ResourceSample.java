package org.gaitctl.hil;

/**
 * The controller's memory at one moment, read from outside its process.
 *
 * @param atS seconds after the belt reached the first stage
 * @param rssKb resident set size ({@code /proc/PID/status} VmRSS), KiB
 * @param heapUsedKb Java heap in use ({@code jcmd PID GC.heap_info}), KiB, or -1 when unreadable
 * @param heapOldKb heap in use outside the young generation (what a leak accumulates in; young
 *     objects come and go with every collection), KiB, or -1 when unreadable
 */
public record ResourceSample(double atS, long rssKb, long heapUsedKb, long heapOldKb) {}
