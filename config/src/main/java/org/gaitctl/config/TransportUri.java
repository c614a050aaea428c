package org.gaitctl.config;

/**
 * A device address as written in configuration (wire protocol spec §4): {@code tcp://HOST:PORT},
 * {@code rtu:PORT?baud=115200&parity=even&stop=1} or {@code serial:PORT?baud=921600}.
 */
public sealed interface TransportUri
    permits TransportUri.Tcp, TransportUri.Rtu, TransportUri.SerialStream {

  /** The text form, as it would be written in configuration. */
  String text();

  /** Modbus TCP. */
  record Tcp(String host, int port) implements TransportUri {
    @Override
    public String text() {
      return "tcp://" + host + ":" + port;
    }
  }

  /** Modbus RTU on a serial port. Parity is {@code none}, {@code even} or {@code odd}. */
  record Rtu(String port, int baud, int dataBits, String parity, int stopBits)
      implements TransportUri {
    @Override
    public String text() {
      return "rtu:" + port + "?baud=" + baud + "&parity=" + parity + "&stop=" + stopBits;
    }
  }

  /** The framed serial stream of spec §1. */
  record SerialStream(String port, int baud) implements TransportUri {
    @Override
    public String text() {
      return "serial:" + port + "?baud=" + baud;
    }
  }
}
