package org.gaitctl.drivers.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.config.TransportUri;

/**
 * {@link SerialTransport} on jSerialComm, 8N1 at the configured baud rate.
 *
 * <p>Reads are semi-blocking: a read returns as soon as any byte is in, or after the read timeout
 * with 0 (no busy spin). On Linux jSerialComm rounds the timeout up to 100 ms (termios VTIME),
 * which bounds how long {@code close} waits for a reader. A read timeout of 0 makes reads
 * non-blocking, for loops that pace themselves (the emulators). Symbolic links (socat's {@code
 * link=}) are resolved to the real device.
 */
public final class JSerialCommTransport implements SerialTransport {

  private final String portName;
  private final int baud;
  private final int readTimeoutMs;
  private final int writeTimeoutMs;
  private volatile SerialPort port;

  /**
   * @param portName OS port name or path ({@code /dev/ttyACM0}, {@code COM3}, a pty link)
   * @param baud nominal baud rate (ignored by pseudo-terminals and USB CDC-ACM)
   * @param readTimeoutMs longest wait for a first byte
   * @param writeTimeoutMs longest wait for a write to complete
   */
  public JSerialCommTransport(String portName, int baud, int readTimeoutMs, int writeTimeoutMs) {
    if (baud <= 0 || readTimeoutMs <= 0 || writeTimeoutMs <= 0) {
      throw new IllegalArgumentException(
          "serial port "
              + portName
              + ": baud ("
              + baud
              + ") and write timeout ("
              + writeTimeoutMs
              + " ms) and read timeout ("
              + readTimeoutMs
              + " ms) must be > 0");
    }
    this.portName = portName;
    this.baud = baud;
    this.readTimeoutMs = readTimeoutMs;
    this.writeTimeoutMs = writeTimeoutMs;
  }

  /** A blocking-read transport for a driver, from a {@code serial:} address. */
  public static JSerialCommTransport forReader(TransportUri.SerialStream uri) {
    return new JSerialCommTransport(uri.port(), uri.baud(), 100, 1000);
  }

  @Override
  public synchronized String open() {
    if (port != null && port.isOpen()) {
      return null;
    }
    String systemName = resolve(portName);
    SerialPort candidate;
    try {
      candidate = SerialPort.getCommPort(systemName);
    } catch (SerialPortInvalidPortException e) {
      return "serial port " + portName + " does not exist: " + e.getMessage();
    }
    candidate.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    int mode =
        (readTimeoutMs == 0
                ? SerialPort.TIMEOUT_NONBLOCKING
                : SerialPort.TIMEOUT_READ_SEMI_BLOCKING)
            | SerialPort.TIMEOUT_WRITE_BLOCKING;
    candidate.setComPortTimeouts(mode, readTimeoutMs, writeTimeoutMs);
    if (!candidate.openPort()) {
      return "serial port "
          + portName
          + " could not be opened (error "
          + candidate.getLastErrorCode()
          + " at "
          + candidate.getLastErrorLocation()
          + ")";
    }
    // Bytes received before this opening belong to no session of ours.
    if (!candidate.flushIOBuffers()) {
      candidate.closePort();
      return "serial port "
          + portName
          + " could not be flushed after opening (error "
          + candidate.getLastErrorCode()
          + ")";
    }
    port = candidate;
    return null;
  }

  private static String resolve(String name) {
    Path path = Path.of(name);
    if (Files.isSymbolicLink(path)) {
      try {
        return path.toRealPath().toString();
      } catch (IOException e) {
        // A dangling link: opening the name as given fails below with the port named.
        return name;
      }
    }
    return name;
  }

  @Override
  public boolean isOpen() {
    SerialPort current = port;
    return current != null && current.isOpen();
  }

  @Override
  public int read(byte[] dst, int offset, int length) {
    SerialPort current = port;
    if (current == null) {
      return -1;
    }
    return current.readBytes(dst, length, offset);
  }

  @Override
  public int available() {
    SerialPort current = port;
    if (current == null) {
      return -1;
    }
    return current.bytesAvailable();
  }

  @Override
  public int write(byte[] src, int offset, int length) {
    SerialPort current = port;
    if (current == null) {
      return -1;
    }
    return current.writeBytes(src, length, offset);
  }

  @Override
  public String portName() {
    return portName;
  }

  @Override
  public synchronized void close() {
    SerialPort current = port;
    port = null;
    if (current != null) {
      current.closePort();
    }
  }
}
