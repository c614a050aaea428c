package org.gaitctl.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a device's {@code registers} section: either the name of the built-in layout ({@code
 * registers: gaitctl-spec-v1}) or a mapping of fields and flags, which starts from that layout when
 * it has {@code layout: gaitctl-spec-v1} and from nothing otherwise. In a mapping, a field entry
 * overrides the layout's field key by key, a flag entry replaces the layout's flag, and {@code
 * null} removes an optional field or flag.
 */
final class RegisterMapReader {

  static final String SPEC_LAYOUT = "gaitctl-spec-v1";

  private static final List<String> SECTION_KEYS =
      List.of("layout", "controlBaseWord", "controlBits", "statusBits");
  private static final List<String> NUMBER_KEYS =
      List.of("table", "address", "scale", "signed", "unit", "min", "max");
  private static final List<String> WORD_KEYS = List.of("table", "address");
  private static final List<String> BIT_KEYS = List.of("bit", "mask", "activeLow");

  private final ModbusDeviceKind kind;
  private final ProfileErrors errors;

  private RegisterMapReader(ModbusDeviceKind kind, ProfileErrors errors) {
    this.kind = kind;
    this.errors = errors;
  }

  /** The register map, or {@code null} after recording its problems. */
  static RegisterMap read(YamlValue value, ModbusDeviceKind kind, ProfileErrors errors) {
    if (value == null) {
      return null;
    }
    if (value.isScalar()) {
      String layout = value.asText();
      if (!SPEC_LAYOUT.equals(layout)) {
        value.error(
            "must be "
                + SPEC_LAYOUT
                + " (the built-in layout) or a mapping of registers, not '"
                + layout
                + "'");
        return null;
      }
      return kind.specRegisterMap();
    }
    List<String> keys = new ArrayList<>(SECTION_KEYS);
    kind.fields().forEach(field -> keys.add(field.name()));
    YamlMap section = value.asMap(keys);
    return section == null ? null : new RegisterMapReader(kind, errors).read(section);
  }

  private RegisterMap read(YamlMap section) {
    int errorsBefore = errors.count();
    boolean fromLayout = readLayout(section.get("layout"));

    Map<String, RegisterField> fields = new LinkedHashMap<>();
    Map<String, Integer> fieldLines = new HashMap<>();
    for (FieldContract contract : kind.fields()) {
      YamlValue entry = section.get(contract.name());
      if (entry == null) {
        if (fromLayout) {
          fields.put(contract.name(), contract.spec());
          fieldLines.put(contract.name(), section.line());
        } else if (contract.required()) {
          section.missing(contract.name());
        }
      } else if (entry.isNull()) {
        if (contract.required()) {
          entry.error("is required by gaitctl and cannot be removed");
        }
      } else {
        RegisterField field = readField(entry, contract, fromLayout);
        if (field != null) {
          fields.put(contract.name(), field);
          fieldLines.put(contract.name(), entry.line());
        }
      }
    }

    YamlValue baseWordValue = section.get("controlBaseWord");
    Integer controlBaseWord = baseWordValue == null ? 0 : baseWordValue.asInt(0, 0xFFFF);
    Map<String, BitField> controlBits =
        readBits(section, "controlBits", kind.controlBits(), fromLayout);
    Map<String, BitField> statusBits =
        readBits(section, "statusBits", kind.statusBits(), fromLayout);

    if (errors.count() != errorsBefore) {
      return null;
    }
    checkAddressesAreDistinct(section, fields, fieldLines);
    checkControlBitsAreDisjoint(section, controlBits);
    checkPairs(section, fields, controlBits);
    return errors.count() == errorsBefore
        ? new RegisterMap(fields, controlBaseWord, controlBits, statusBits)
        : null;
  }

  private static boolean readLayout(YamlValue layout) {
    if (layout == null) {
      return false;
    }
    String name = layout.asText();
    if (name != null && !name.equals(SPEC_LAYOUT)) {
      layout.error("must be " + SPEC_LAYOUT + " (the only built-in layout), not '" + name + "'");
    }
    return true;
  }

  /** A field entry, key by key over the layout's field when {@code overLayout}. */
  private RegisterField readField(YamlValue entry, FieldContract contract, boolean overLayout) {
    YamlMap map = entry.asMap(contract.word() ? WORD_KEYS : NUMBER_KEYS);
    if (map == null) {
      return null;
    }
    int errorsBefore = errors.count();
    RegisterField spec = overLayout ? contract.spec() : null;

    RegisterTable table =
        map.has("table") ? readTable(map.get("table"), contract) : contract.spec().table();
    Integer address = null;
    if (map.has("address")) {
      address = map.get("address").asInt(0, 0xFFFF);
    } else if (spec != null) {
      address = spec.address();
    } else {
      map.missing("address");
    }
    if (contract.word()) {
      return errors.count() == errorsBefore
          ? new RegisterField(contract.name(), table, address, 1.0, false, contract.unit())
          : null;
    }

    Double scale = null;
    if (map.has("scale")) {
      scale = map.get("scale").asPositive();
    } else if (spec != null) {
      scale = spec.scale();
    } else {
      map.missing("scale");
    }
    Boolean signed = Boolean.FALSE;
    if (map.has("signed")) {
      signed = map.get("signed").asBoolean();
    } else if (spec != null) {
      signed = spec.signed();
    }
    if (map.has("unit")) {
      YamlValue unitValue = map.get("unit");
      String unit = unitValue.asText();
      if (unit != null && !ModbusDeviceKind.Units.canonical(unit).equals(contract.unit())) {
        unitValue.error(
            "must be "
                + contract.unit()
                + ": gaitctl works in "
                + contract.unit()
                + "; express the device's own unit through scale");
      }
    }
    Double min = map.has("min") ? map.get("min").asNumber() : null;
    Double max = map.has("max") ? map.get("max").asNumber() : null;
    if (errors.count() != errorsBefore) {
      return null;
    }

    FieldRange capacity = FieldRange.ofRegister(scale, signed);
    FieldRange inherited =
        overLayout && contract.specRangeIsExplicit() ? contract.spec().range() : capacity;
    FieldRange range =
        new FieldRange(min == null ? inherited.min() : min, max == null ? inherited.max() : max);
    if (!(range.min() < range.max())) {
      errorAt(map, min != null ? "min" : "max", "must be < max (" + describe(range) + ")");
      return null;
    }
    RegisterField field =
        new RegisterField(contract.name(), table, address, scale, signed, contract.unit(), range);
    String registerRange =
        "must be within the register's range "
            + NumberText.range(capacity.min(), capacity.max())
            + " "
            + contract.unit();
    if (!field.fitsRegister(field.toRaw(range.min()))) {
      errorAt(map, map.has("min") ? "min" : "scale", registerRange);
      return null;
    }
    if (!field.fitsRegister(field.toRaw(range.max()))) {
      errorAt(map, map.has("max") ? "max" : "scale", registerRange);
      return null;
    }
    return field;
  }

  private static String describe(FieldRange range) {
    return "min " + NumberText.format(range.min()) + ", max " + NumberText.format(range.max());
  }

  private void errorAt(YamlMap map, String key, String message) {
    YamlValue value = map.get(key);
    if (value != null) {
      value.error(message);
    } else {
      errors.add(map.line(), map.child(key), message);
    }
  }

  private static RegisterTable readTable(YamlValue value, FieldContract contract) {
    String text = value.asText();
    if (text == null) {
      return null;
    }
    if (text.equals("holding")) {
      return RegisterTable.HOLDING;
    }
    if (text.equals("input")) {
      if (contract.written()) {
        value.error("must be holding: gaitctl writes " + contract.name());
        return null;
      }
      return RegisterTable.INPUT;
    }
    value.error("must be holding or input, not '" + text + "'");
    return null;
  }

  private Map<String, BitField> readBits(
      YamlMap section, String key, List<BitContract> contracts, boolean fromLayout) {
    Map<String, BitField> bits = new LinkedHashMap<>();
    if (fromLayout) {
      contracts.forEach(contract -> bits.put(contract.name(), contract.spec()));
    }
    YamlValue value = section.get(key);
    YamlMap map = null;
    if (value != null) {
      map = value.asMap(contracts.stream().map(BitContract::name).toList());
      if (map == null) {
        return bits;
      }
    }
    for (BitContract contract : contracts) {
      YamlValue entry = map == null ? null : map.get(contract.name());
      if (entry != null && entry.isNull()) {
        bits.remove(contract.name());
        if (contract.required()) {
          entry.error("is required by gaitctl and cannot be removed");
        }
      } else if (entry != null) {
        BitField bit = readBit(entry);
        if (bit != null) {
          bits.put(contract.name(), bit);
        }
      } else if (contract.required() && !bits.containsKey(contract.name())) {
        if (map == null) {
          section.missing(key + "." + contract.name());
        } else {
          map.missing(contract.name());
        }
      }
    }
    return bits;
  }

  private static BitField readBit(YamlValue entry) {
    YamlMap map = entry.asMap(BIT_KEYS);
    if (map == null) {
      return null;
    }
    Integer mask = null;
    if (map.has("bit") && map.has("mask")) {
      map.error("has both bit and mask; give one");
    } else if (map.has("bit")) {
      Integer bit = map.get("bit").asInt(0, 15);
      mask = bit == null ? null : 1 << bit;
    } else if (map.has("mask")) {
      mask = map.get("mask").asInt(1, 0xFFFF);
    } else {
      map.error("needs bit (0..15) or mask (1..0xFFFF)");
    }
    Boolean activeLow = map.has("activeLow") ? map.get("activeLow").asBoolean() : Boolean.FALSE;
    return mask == null || activeLow == null ? null : new BitField(mask, activeLow);
  }

  private void checkAddressesAreDistinct(
      YamlMap section, Map<String, RegisterField> fields, Map<String, Integer> fieldLines) {
    Map<String, String> owners = new HashMap<>();
    for (RegisterField field : fields.values()) {
      String slot = field.table() + ":" + field.address();
      String owner = owners.putIfAbsent(slot, field.name());
      if (owner != null) {
        errors.add(
            fieldLines.get(field.name()),
            section.child(field.name()) + ".address",
            field.address()
                + " is already used by "
                + owner
                + " in the "
                + field.table().name().toLowerCase(Locale.ROOT)
                + " table");
      }
    }
  }

  private void checkControlBitsAreDisjoint(YamlMap section, Map<String, BitField> controlBits) {
    List<Map.Entry<String, BitField>> seen = new ArrayList<>();
    for (Map.Entry<String, BitField> bit : controlBits.entrySet()) {
      for (Map.Entry<String, BitField> earlier : seen) {
        if ((bit.getValue().mask() & earlier.getValue().mask()) != 0) {
          errors.add(
              lineOf(section, "controlBits"),
              section.child("controlBits." + bit.getKey()),
              NumberText.hex16(bit.getValue().mask())
                  + " overlaps "
                  + earlier.getKey()
                  + " ("
                  + NumberText.hex16(earlier.getValue().mask())
                  + "): one flag would clobber the other");
        }
      }
      seen.add(bit);
    }
  }

  private void checkPairs(
      YamlMap section, Map<String, RegisterField> fields, Map<String, BitField> controlBits) {
    if (kind == ModbusDeviceKind.TREADMILL_DRIVE
        && fields.containsKey("speedSetRight") != controlBits.containsKey("split")) {
      errors.add(
          section.line(),
          section.path(),
          "needs both speedSetRight and controlBits.split for split-belt mode, or neither");
    }
    if (fields.containsKey("watchdogMs") && !fields.containsKey("heartbeat")) {
      errors.add(
          section.line(),
          section.child("watchdogMs"),
          "needs a heartbeat field: an armed watchdog that is never fed trips");
    }
  }

  private static int lineOf(YamlMap section, String key) {
    YamlValue value = section.get(key);
    return value == null ? section.line() : value.line();
  }
}
