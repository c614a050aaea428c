package org.gaitctl.core.recording;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter section of a C3D file: groups of typed, dimensioned parameters addressed as {@code
 * GROUP:NAME}. Values are decoded on request in the file's number encoding.
 */
final class C3dParameters {

  private static final int TYPE_CHAR = -1;
  private static final int TYPE_BYTE = 1;
  private static final int TYPE_INT16 = 2;
  private static final int TYPE_FLOAT = 4;

  /** One parameter's raw value; {@code dataOffset} is where its data starts in the file. */
  private record Parameter(String key, int type, int[] dims, int dataOffset) {
    int count() {
      int n = 1;
      for (int d : dims) {
        n *= d;
      }
      return n;
    }
  }

  private final String fileName;
  private final ByteBuffer file;
  private final C3dProcessor processor;
  private final Map<String, Parameter> byKey;

  private C3dParameters(
      String fileName, ByteBuffer file, C3dProcessor processor, Map<String, Parameter> byKey) {
    this.fileName = fileName;
    this.file = file;
    this.processor = processor;
    this.byKey = byKey;
  }

  /**
   * Parses the groups and parameters that start 4 bytes into the section at {@code sectionOffset}.
   */
  static C3dParameters parse(
      String fileName, ByteBuffer file, C3dProcessor processor, int sectionOffset, int blocks)
      throws RecordingFormatException {
    int end = Math.min(file.capacity(), sectionOffset + blocks * C3dHeader.BLOCK_BYTES);
    Map<Integer, String> groupNames = new HashMap<>();
    record Pending(int groupId, String name, int type, int[] dims, int dataOffset) {}
    List<Pending> pending = new ArrayList<>();
    int p = sectionOffset + 4;
    while (true) {
      require(fileName, p + 2 <= end, p, "parameter section ends inside an entry header");
      int nameLength = Math.abs(file.get(p));
      if (nameLength == 0) {
        break;
      }
      int groupId = file.get(p + 1);
      int nameAt = p + 2;
      require(fileName, nameAt + nameLength + 2 <= end, p, "parameter name runs past the section");
      String name = ascii(file, nameAt, nameLength).trim().toUpperCase(Locale.ROOT);
      int offsetAt = nameAt + nameLength;
      int next = processor.int16(file, offsetAt);
      if (groupId < 0) {
        groupNames.put(-groupId, name);
      } else {
        require(fileName, offsetAt + 4 <= end, offsetAt, "parameter " + name + " is truncated");
        int type = file.get(offsetAt + 2);
        int dimCount = file.get(offsetAt + 3) & 0xFF;
        int[] dims = new int[dimCount];
        int dimsAt = offsetAt + 4;
        require(fileName, dimsAt + dimCount <= end, dimsAt, "dimensions of " + name + " truncated");
        for (int d = 0; d < dimCount; d++) {
          dims[d] = file.get(dimsAt + d) & 0xFF;
        }
        if (type != TYPE_CHAR && type != TYPE_BYTE && type != TYPE_INT16 && type != TYPE_FLOAT) {
          throw new RecordingFormatException(
              fileName,
              "offset " + (offsetAt + 2),
              "parameter " + name + " has unknown type " + type);
        }
        Pending entry = new Pending(groupId, name, type, dims, dimsAt + dimCount);
        long bytes = (long) Math.abs(type) * new Parameter("", type, dims, 0).count();
        require(
            fileName,
            entry.dataOffset() + bytes <= end,
            entry.dataOffset(),
            "data of parameter " + name + " (" + bytes + " bytes) runs past the section");
        pending.add(entry);
      }
      if (next == 0) {
        break;
      }
      int nextAt = offsetAt + next;
      require(
          fileName,
          nextAt > p && nextAt < end,
          offsetAt,
          "pointer to the next parameter (" + next + ") leaves the parameter section");
      p = nextAt;
    }
    Map<String, Parameter> byKey = new HashMap<>();
    for (Pending e : pending) {
      String group = groupNames.getOrDefault(e.groupId(), "#" + e.groupId());
      String key = group + ":" + e.name();
      byKey.put(key, new Parameter(key, e.type(), e.dims(), e.dataOffset()));
    }
    return new C3dParameters(fileName, file, processor, byKey);
  }

  boolean has(String key) {
    return byKey.containsKey(key);
  }

  /** All values of a numeric parameter, in file order (first dimension fastest). */
  double[] numbers(String key) throws RecordingFormatException {
    Parameter parameter = required(key);
    int n = parameter.count();
    double[] values = new double[n];
    int at = parameter.dataOffset();
    switch (parameter.type()) {
      case TYPE_BYTE -> {
        for (int i = 0; i < n; i++) {
          values[i] = file.get(at + i) & 0xFF;
        }
      }
      case TYPE_INT16 -> {
        for (int i = 0; i < n; i++) {
          values[i] = processor.int16(file, at + 2 * i);
        }
      }
      case TYPE_FLOAT -> {
        for (int i = 0; i < n; i++) {
          values[i] = processor.float32(file, at + 4 * i);
        }
      }
      default -> throw error(key, "is text, expected numbers");
    }
    return values;
  }

  /** Like {@link #numbers} but 16-bit integers read as unsigned (0 to 65535). */
  double[] unsignedNumbers(String key) throws RecordingFormatException {
    double[] values = numbers(key);
    if (required(key).type() == TYPE_INT16) {
      for (int i = 0; i < values.length; i++) {
        values[i] = ((int) values[i]) & 0xFFFF;
      }
    }
    return values;
  }

  /** The first value of a numeric parameter. */
  double number(String key) throws RecordingFormatException {
    double[] values = numbers(key);
    if (values.length == 0) {
      throw error(key, "is empty");
    }
    return values[0];
  }

  /** A text parameter as strings of its first dimension, trailing blanks removed. */
  List<String> strings(String key) throws RecordingFormatException {
    Parameter parameter = required(key);
    if (parameter.type() != TYPE_CHAR) {
      throw error(key, "is numeric, expected text");
    }
    int[] dims = parameter.dims();
    int length = dims.length == 0 ? 1 : dims[0];
    int count = length == 0 ? 0 : parameter.count() / length;
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      strings.add(ascii(file, parameter.dataOffset() + i * length, length).strip());
    }
    return strings;
  }

  /** The dimensions of a parameter (empty for a scalar). */
  int[] dims(String key) throws RecordingFormatException {
    return required(key).dims().clone();
  }

  RecordingFormatException error(String key, String problem) {
    return new RecordingFormatException(fileName, key, problem);
  }

  private Parameter required(String key) throws RecordingFormatException {
    Parameter parameter = byKey.get(key);
    if (parameter == null) {
      throw error(key, "parameter missing");
    }
    return parameter;
  }

  private static String ascii(ByteBuffer file, int at, int length) {
    byte[] bytes = new byte[length];
    file.get(at, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static void require(String fileName, boolean ok, int offset, String problem)
      throws RecordingFormatException {
    if (!ok) {
      throw new RecordingFormatException(fileName, "offset " + offset, problem);
    }
  }
}
