package org.gaitctl.drivers.modbus;

import java.util.List;
import org.gaitctl.config.RegisterField;
import org.gaitctl.config.RegisterTable;
import org.gaitctl.core.port.CommandResult;

/**
 * The registers a driver reads for its status, fetched with one request per register table (the
 * span from the lowest to the highest address used in that table), so a status read costs one or
 * two round trips whatever the layout.
 *
 * <p>Not thread-safe; owned by one driver, used on its entered line. Reuses its word buffers.
 */
final class StatusBlock {

  /** FC 3 and FC 4 read at most 125 registers. */
  static final int MAX_SPAN = 125;

  private final Span holding;
  private final Span input;

  /**
   * @throws IllegalArgumentException when the fields of one table span more than 125 registers
   */
  StatusBlock(String deviceName, List<RegisterField> fields) {
    this.holding = Span.of(deviceName, RegisterTable.HOLDING, fields);
    this.input = Span.of(deviceName, RegisterTable.INPUT, fields);
  }

  /** Reads the block on a line the caller has entered. */
  CommandResult read(ModbusLink link) {
    for (Span span : new Span[] {holding, input}) {
      if (span != null) {
        CommandResult result =
            link.readEntered(span.table, span.first, span.words.length, span.words);
        if (!result.isOk()) {
          return result;
        }
      }
    }
    return CommandResult.OK;
  }

  /** The raw 16-bit word of a field from the last successful read. */
  int word(RegisterField field) {
    Span span = field.table() == RegisterTable.HOLDING ? holding : input;
    return span.words[field.address() - span.first];
  }

  private static final class Span {
    final RegisterTable table;
    final int first;
    final int[] words;

    private Span(RegisterTable table, int first, int count) {
      this.table = table;
      this.first = first;
      this.words = new int[count];
    }

    static Span of(String deviceName, RegisterTable table, List<RegisterField> fields) {
      int lowest = Integer.MAX_VALUE;
      int highest = Integer.MIN_VALUE;
      for (RegisterField field : fields) {
        if (field.table() == table) {
          lowest = Math.min(lowest, field.address());
          highest = Math.max(highest, field.address());
        }
      }
      if (lowest == Integer.MAX_VALUE) {
        return null;
      }
      int count = highest - lowest + 1;
      if (count > MAX_SPAN) {
        throw new IllegalArgumentException(
            deviceName
                + ": status registers of the "
                + table
                + " table span "
                + count
                + " registers ("
                + lowest
                + ".."
                + highest
                + "); one read carries at most "
                + MAX_SPAN);
      }
      return new Span(table, lowest, count);
    }
  }
}
