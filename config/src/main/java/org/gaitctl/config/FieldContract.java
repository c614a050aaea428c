package org.gaitctl.config;

/**
 * What gaitctl's Modbus drivers expect of one register field, and where the wire protocol spec puts
 * it.
 *
 * @param name the field name, the contract with the drivers
 * @param written the driver writes it (so it must be a holding register); otherwise only read
 * @param word a 16-bit word (control, status, heartbeat, fault code) rather than a scaled number
 * @param required every profile must have it; otherwise a device may lack it
 * @param unit the engineering unit the drivers work in (empty for words)
 * @param spec the field in the spec's layout ({@code gaitctl-spec-v1})
 * @param specRangeIsExplicit the spec states the accepted range (else: the register's capacity)
 */
record FieldContract(
    String name,
    boolean written,
    boolean word,
    boolean required,
    String unit,
    RegisterField spec,
    boolean specRangeIsExplicit) {

  static final String WORD_UNIT = "";

  static FieldContract word(String name, RegisterTable table, int address, boolean required) {
    return new FieldContract(
        name,
        table == RegisterTable.HOLDING,
        true,
        required,
        WORD_UNIT,
        new RegisterField(name, table, address, 1.0, false, WORD_UNIT),
        false);
  }

  /** A setpoint the driver writes, with the range the spec accepts. */
  static FieldContract setpoint(
      String name,
      int address,
      double scale,
      boolean signed,
      String unit,
      double min,
      double max,
      boolean required) {
    RegisterField spec =
        new RegisterField(
            name, RegisterTable.HOLDING, address, scale, signed, unit, new FieldRange(min, max));
    return new FieldContract(name, true, false, required, unit, spec, true);
  }

  /** A measurement the driver reads from the input table. */
  static FieldContract measurement(
      String name, int address, double scale, boolean signed, String unit, boolean required) {
    RegisterField spec = new RegisterField(name, RegisterTable.INPUT, address, scale, signed, unit);
    return new FieldContract(name, false, false, required, unit, spec, false);
  }
}
