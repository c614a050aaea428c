package org.gaitctl.core.counters;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fixed counters {@code E} of one owner over a padded atomic array: written by the owner's
 * threads without locks or allocation, read by any thread without touching them.
 *
 * <p>Each slot sits on its own cache line so that writers on different threads do not slow each
 * other down. Methods named {@code ...Ordered} are for a counter with a single writer thread (a
 * plain read-modify-write, published with an ordered store); the others are safe for several
 * writers.
 *
 * @param <E> the enum of counters
 */
public final class CounterSet<E extends Enum<E> & CounterId> implements CounterGroup {

  /** Longs per cache line; counters are spaced by this to avoid false sharing. */
  private static final int STRIDE = 8;

  private final String name;
  private final E[] ids;
  private final AtomicLongArray values;

  /**
   * @param name who counts, e.g. {@code pbu.link}
   * @param type the counters' enum
   */
  public CounterSet(String name, Class<E> type) {
    this.name = name;
    this.ids = type.getEnumConstants();
    this.values = new AtomicLongArray(ids.length * STRIDE);
  }

  /** Current value of {@code id}; any thread. */
  public long get(E id) {
    return values.get(id.ordinal() * STRIDE);
  }

  /** Adds one; single writer thread. */
  public void incrementOrdered(E id) {
    addOrdered(id, 1);
  }

  /** Adds {@code delta}; single writer thread. */
  public void addOrdered(E id, long delta) {
    int index = id.ordinal() * STRIDE;
    values.lazySet(index, values.get(index) + delta);
  }

  /** Raises {@code id} to {@code value} if larger (a maximum); single writer thread. */
  public void maxOrdered(E id, long value) {
    int index = id.ordinal() * STRIDE;
    if (value > values.get(index)) {
      values.lazySet(index, value);
    }
  }

  /** Adds one; any number of writer threads. */
  public void increment(E id) {
    values.getAndIncrement(id.ordinal() * STRIDE);
  }

  /** Adds {@code delta}; any number of writer threads. */
  public void add(E id, long delta) {
    values.getAndAdd(id.ordinal() * STRIDE, delta);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public String label(int index) {
    return ids[index].label();
  }

  @Override
  public long value(int index) {
    return values.get(index * STRIDE);
  }
}
