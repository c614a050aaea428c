package org.gaitctl.core.journal;

/**
 * How reading a journal ended.
 *
 * @param records records read with a good CRC (all of them are handed over before this returns)
 * @param endOffset the byte offset reading stopped at: the file's end when {@link #complete()}
 * @param fileBytes the file's size
 * @param stopReason why reading stopped before the end ("CRC mismatch", "truncated record …"), or
 *     {@code null} when the file ended cleanly after a record
 */
public record JournalReadResult(long records, long endOffset, long fileBytes, String stopReason) {

  /** Whether every byte of the file was a good record. */
  public boolean complete() {
    return stopReason == null;
  }

  /** Whether reading stopped only because the last record was cut short (a kill mid-write). */
  public boolean truncatedAtEnd() {
    return stopReason != null && stopReason.startsWith("truncated");
  }

  /** E.g. "CRC mismatch at offset 123456, record 9876", or "complete: 9876 records". */
  public String describe() {
    return complete()
        ? "complete: " + records + " records, " + fileBytes + " bytes"
        : stopReason + " at offset " + endOffset + ", record " + records;
  }
}
