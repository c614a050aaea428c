package org.gaitctl.core.counters;

/**
 * A named, fixed list of counters that any thread can read without touching the loop that writes
 * them: what a {@link CounterRegistry} prints.
 */
public interface CounterGroup {

  /** Who counts, e.g. {@code pbu.link}; the table prints {@code name.label}. */
  String name();

  int size();

  String label(int index);

  /** Current value; any thread, never blocks. */
  long value(int index);
}
