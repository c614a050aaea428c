package org.gaitctl.drivers.modbus;

import org.gaitctl.config.ModbusDeviceKind;
import org.gaitctl.config.RegisterMap;

/**
 * The register maps of the wire protocol spec (§2 treadmill drive, §3 BWS unit) in engineering
 * units: speeds m/s (raw mm/s), incline percent grade (raw 0.1 %, signed), acceleration m/s² (raw
 * mm/s²), force N, force rate N/s, cable position m (raw mm), watchdog and heartbeat raw ms /
 * counts.
 *
 * <p>The layout itself is defined once, in the configuration module ({@link
 * ModbusDeviceKind#specRegisterMap()}), where profiles that say {@code registers: gaitctl-spec-v1}
 * get it too; this class names it for drivers, emulators and tests.
 */
public final class SpecRegisterMaps {

  private SpecRegisterMaps() {}

  /** The treadmill drive of spec §2 (unit 1). */
  public static RegisterMap drive() {
    return ModbusDeviceKind.TREADMILL_DRIVE.specRegisterMap();
  }

  /** The body-weight-support unit of spec §3 (unit 2). */
  public static RegisterMap bws() {
    return ModbusDeviceKind.BWS_UNIT.specRegisterMap();
  }
}
