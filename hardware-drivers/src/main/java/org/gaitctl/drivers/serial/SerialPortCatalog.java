package org.gaitctl.drivers.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/** The machine's serial ports, for {@code gaitctl ports}. */
public final class SerialPortCatalog {

  /**
   * One port.
   *
   * @param name the system's short name ({@code ttyACM0}, {@code COM3})
   * @param description what the driver or USB descriptor says it is
   * @param path what to write in a {@code serial:} or {@code rtu:} address
   */
  public record PortEntry(String name, String description, String path) {}

  private SerialPortCatalog() {}

  /** Lists the ports the OS reports now. Any thread; may block briefly while the OS enumerates. */
  public static List<PortEntry> list() {
    List<PortEntry> entries = new ArrayList<>();
    for (SerialPort port : SerialPort.getCommPorts()) {
      entries.add(
          new PortEntry(
              port.getSystemPortName(), port.getPortDescription(), port.getSystemPortPath()));
    }
    return entries;
  }
}
