package org.gaitctl.drivers.serial;

import java.util.Optional;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceInfo;

/**
 * Outcome of GET_INFO.
 *
 * @param result OK when the device acknowledged and its DEVICE_INFO arrived in time
 * @param info the DEVICE_INFO, present only when {@code result} is OK
 */
public record InfoReply(CommandResult result, Optional<DeviceInfo> info) {

  static InfoReply failed(CommandResult result) {
    return new InfoReply(result, Optional.empty());
  }
}
