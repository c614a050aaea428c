package org.gaitctl.core.counters;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every counter group of a running controller in one place (serial links, Modbus links, pollers,
 * supervisor, loops), printed as one text table. Register and print from any thread; printing reads
 * each counter once and never touches the loops that write them.
 */
public final class CounterRegistry {

  private final List<CounterGroup> groups = new CopyOnWriteArrayList<>();

  /** Adds {@code group}; its counters appear in the table in registration order. */
  public CounterRegistry register(CounterGroup group) {
    groups.add(group);
    return this;
  }

  public List<CounterGroup> groups() {
    return List.copyOf(groups);
  }

  /**
   * The value of counter {@code name.label}, e.g. {@code pbu.decoder.crc_errors}.
   *
   * @throws IllegalArgumentException when no registered group has it
   */
  public long value(String qualifiedName) {
    for (CounterGroup group : groups) {
      for (int i = 0; i < group.size(); i++) {
        if (qualifiedName.equals(group.name() + "." + group.label(i))) {
          return group.value(i);
        }
      }
    }
    throw new IllegalArgumentException("no counter " + qualifiedName + " is registered");
  }

  /** A two-column text table, one line per counter: {@code name.label} padded, then the value. */
  public String toTable() {
    int width = "counter".length();
    for (CounterGroup group : groups) {
      for (int i = 0; i < group.size(); i++) {
        width = Math.max(width, group.name().length() + 1 + group.label(i).length());
      }
    }
    StringBuilder table = new StringBuilder();
    appendRow(table, width, "counter", "value");
    for (CounterGroup group : groups) {
      for (int i = 0; i < group.size(); i++) {
        appendRow(table, width, group.name() + "." + group.label(i), Long.toString(group.value(i)));
      }
    }
    return table.toString();
  }

  private static void appendRow(StringBuilder table, int width, String name, String value) {
    table.append(name);
    table.append(" ".repeat(width - name.length() + 2));
    table.append(value).append('\n');
  }
}
