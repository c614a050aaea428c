package org.gaitctl.core.counters;

/**
 * One fixed counter of a {@link CounterSet}: an enum constant (its ordinal is the slot) with the
 * label the counter table prints.
 */
public interface CounterId {

  /** Short name in the counter table, e.g. {@code crc_errors}. */
  String label();
}
