package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusServer;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.BindException;
import java.util.Map;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus slave on a real transport answering for one or more {@link RegisterDevice}s by unit id:
 * {@link SpecTcpServer} on a {@link PerConnectionTcpTransport} (one port per device, as in the
 * profiles; each master served on its own) or {@link CorrectedRtuServer} on a {@link
 * SerialRtuServerTransport} (drive and BWS share the line as units 1 and 2; exception 1 for
 * function codes not served, wrong-CRC frames dropped).
 *
 * <p>Start and close from any thread; requests are served on the transport's threads.
 */
public final class ModbusEmulatorServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModbusEmulatorServer.class);

  private final ModbusServer server;
  private final String address;
  private final int port;
  private final ReplyFaults replyFaults;
  private final PerConnectionTcpTransport tcp;

  private ModbusEmulatorServer(
      ModbusServer server,
      String address,
      int port,
      ReplyFaults faults,
      PerConnectionTcpTransport tcp) {
    this.server = server;
    this.tcp = tcp;
    this.address = address;
    this.port = port;
    this.replyFaults = faults;
  }

  /**
   * Serves Modbus TCP on {@code bindAddress:port}; port 0 picks a free port (see {@link #port()}).
   * Servers may share one {@link ReplyFaults} so one switch delays or drops all their replies.
   *
   * @throws IOException when the port cannot be bound; the message names the address and, when the
   *     port is taken, what to do
   */
  public static ModbusEmulatorServer startTcp(
      String bindAddress, int port, Map<Integer, RegisterDevice> devicesByUnit, ReplyFaults faults)
      throws IOException {
    PerConnectionTcpTransport transport = new PerConnectionTcpTransport(bindAddress, port);
    ModbusTcpServer server =
        new SpecTcpServer(transport, new RegisterDeviceServices(devicesByUnit, faults));
    start(server, "tcp://" + bindAddress + ":" + port);
    int boundPort = transport.boundPort();
    String address = "tcp://" + bindAddress + ":" + boundPort;
    LOG.info("Modbus TCP emulator for units {} listening on {}", devicesByUnit.keySet(), address);
    return new ModbusEmulatorServer(server, address, boundPort, faults, transport);
  }

  /**
   * Serves Modbus RTU on a serial port (e.g. the device end of a socat pseudo-terminal pair).
   *
   * @throws IOException when the port cannot be opened
   */
  public static ModbusEmulatorServer startRtu(
      TransportUri.Rtu line, Map<Integer, RegisterDevice> devicesByUnit, ReplyFaults faults)
      throws IOException {
    SerialRtuServerTransport transport = new SerialRtuServerTransport(line, NanoClock.SYSTEM);
    ModbusRtuServer server =
        new CorrectedRtuServer(transport, new RegisterDeviceServices(devicesByUnit, faults));
    start(server, line.text());
    LOG.info("Modbus RTU emulator for units {} on {}", devicesByUnit.keySet(), line.text());
    return new ModbusEmulatorServer(server, line.text(), -1, faults, null);
  }

  private static void start(ModbusServer server, String where) throws IOException {
    try {
      server.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while starting the Modbus emulator on " + where);
    } catch (Exception e) {
      throw new IOException(whyNotStarted(where, e), e);
    }
  }

  /** One line for a person: the address, the cause, and for a taken port what to do. */
  private static String whyNotStarted(String where, Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return where
            + " is already in use (is another gaitctl sim running?): stop that process, or give"
            + " the device another port in the profile";
      }
    }
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "cannot start the Modbus emulator on " + where + ": " + root;
  }

  /** Where a master reaches this server, in the profile's address form. */
  public String address() {
    return address;
  }

  /** The bound TCP port (the actual one when started on port 0); -1 for RTU. */
  public int port() {
    return port;
  }

  /** Reply delay and drop injection for every unit of this server (shared if given so). */
  public ReplyFaults replyFaults() {
    return replyFaults;
  }

  /**
   * Fault injection: resets every open TCP connection (an RST, SO_LINGER 0) and keeps listening.
   * Returns how many were reset.
   *
   * @throws IllegalStateException on an RTU server (a serial line has no connection to reset)
   */
  public int resetTcpConnections() {
    if (tcp == null) {
      throw new IllegalStateException(address + " is a serial line: no TCP connection to reset");
    }
    return tcp.resetConnections();
  }

  /** Stops serving and, on TCP, closes every open connection. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping Modbus emulator on {}", address, e);
    } catch (Exception e) {
      LOG.warn("Modbus emulator on {} did not stop cleanly", address, e);
    }
  }
}
