package org.gaitctl.config;

/**
 * A named flag of a control or status word that gaitctl's drivers use.
 *
 * @param name the flag name, the contract with the drivers
 * @param required every profile must have it
 * @param spec the flag in the spec's layout ({@code gaitctl-spec-v1})
 */
record BitContract(String name, boolean required, BitField spec) {

  static BitContract bit(String name, int bit, boolean required) {
    return new BitContract(name, required, new BitField(1 << bit, false));
  }
}
