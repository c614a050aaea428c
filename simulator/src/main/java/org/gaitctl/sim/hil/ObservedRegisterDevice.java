package org.gaitctl.sim.hil;

import org.gaitctl.sim.modbus.RegisterDevice;

/**
 * A device's register tables as the Modbus server sees them, with every accepted write reported to
 * the event log. Reads pass through untouched.
 */
final class ObservedRegisterDevice implements RegisterDevice {

  private final RegisterDevice device;
  private final String name;
  private final int heartbeatAddress;
  private final EventLog log;

  ObservedRegisterDevice(RegisterDevice device, String name, int heartbeatAddress, EventLog log) {
    this.device = device;
    this.name = name;
    this.heartbeatAddress = heartbeatAddress;
    this.log = log;
  }

  @Override
  public int readHolding(int address, int quantity, int[] wordsOut) {
    return device.readHolding(address, quantity, wordsOut);
  }

  @Override
  public int readInput(int address, int quantity, int[] wordsOut) {
    return device.readInput(address, quantity, wordsOut);
  }

  @Override
  public int writeHolding(int address, int[] words) {
    int result = device.writeHolding(address, words);
    if (result == OK) {
      log.onWrite(name, address, words.clone(), heartbeatAddress);
    }
    return result;
  }
}
