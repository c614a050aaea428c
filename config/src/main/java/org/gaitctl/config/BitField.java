package org.gaitctl.config;

/**
 * A named flag inside a control or status word.
 *
 * @param mask the bit(s) that carry the flag; a flag may span several bits (e.g. ABB's RUN needs
 *     OFF1 and INHIBIT_OPERATION together)
 * @param activeLow the flag is active when its bits are 0 (e.g. ABB's OFF3, emergency stop)
 */
public record BitField(int mask, boolean activeLow) {

  /** Applies this flag to {@code word}: sets or clears its bits for the given state. */
  public int apply(int word, boolean active) {
    return active != activeLow ? word | mask : word & ~mask;
  }

  /** Whether the flag is active in {@code word}. */
  public boolean isActive(int word) {
    boolean allSet = (word & mask) == mask;
    return activeLow ? (word & mask) == 0 : allSet;
  }
}
