package org.gaitctl.drivers.modbus;

import com.digitalpetri.modbus.serial.SerialPortTransportConfig;
import com.fazecast.jSerialComm.SerialPort;
import org.gaitctl.config.TransportUri;

/** Serial line settings of an {@code rtu:} address, for both ends of a Modbus RTU link. */
public final class RtuLine {

  private RtuLine() {}

  /**
   * Applies port, baud, data bits, parity and stop bits to a digitalpetri serial transport config.
   *
   * @throws IllegalArgumentException for a parity other than none, even or odd, or stop bits other
   *     than 1 or 2
   */
  public static void configure(TransportUri.Rtu rtu, SerialPortTransportConfig.Builder config) {
    config.setSerialPort(rtu.port());
    config.setBaudRate(rtu.baud());
    config.setDataBits(rtu.dataBits());
    config.setParity(parity(rtu));
    config.setStopBits(stopBits(rtu));
  }

  private static int parity(TransportUri.Rtu rtu) {
    return switch (rtu.parity()) {
      case "none" -> SerialPort.NO_PARITY;
      case "even" -> SerialPort.EVEN_PARITY;
      case "odd" -> SerialPort.ODD_PARITY;
      default ->
          throw new IllegalArgumentException(
              "unknown parity '" + rtu.parity() + "' in " + rtu.text() + " (none, even or odd)");
    };
  }

  private static int stopBits(TransportUri.Rtu rtu) {
    return switch (rtu.stopBits()) {
      case 1 -> SerialPort.ONE_STOP_BIT;
      case 2 -> SerialPort.TWO_STOP_BITS;
      default ->
          throw new IllegalArgumentException(
              "stop bits must be 1 or 2 in " + rtu.text() + ": " + rtu.stopBits());
    };
  }
}
