package org.gaitctl.drivers.modbus;

import com.digitalpetri.modbus.client.ModbusClient;
import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.serial.client.SerialPortClientTransport;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import java.time.Duration;
import org.gaitctl.config.TransportUri;

/**
 * Builds a digitalpetri {@link ModbusClient} for a device address (spec §4): {@code tcp://} gives a
 * Modbus TCP client on Netty, {@code rtu:} a Modbus RTU client on a jSerialComm port. The client is
 * not connected yet.
 */
public final class ModbusClients {

  private ModbusClients() {}

  /**
   * @throws IllegalArgumentException for a {@code serial:} address (not Modbus) or an unknown
   *     parity
   */
  public static ModbusClient create(TransportUri transport, int requestTimeoutMs) {
    Duration timeout = Duration.ofMillis(requestTimeoutMs);
    if (transport instanceof TransportUri.Tcp tcp) {
      // Not persistent: a lost connection is re-established by the next request, within its
      // timeout, so a dead link is visible as NOT_CONNECTED instead of hidden retries.
      NettyTcpClientTransport clientTransport =
          NettyTcpClientTransport.create(
              cfg -> {
                cfg.setHostname(tcp.host());
                cfg.setPort(tcp.port());
                cfg.setConnectTimeout(timeout);
                cfg.setConnectPersistent(false);
              });
      return ModbusTcpClient.create(clientTransport, cfg -> cfg.setRequestTimeout(timeout));
    }
    if (transport instanceof TransportUri.Rtu rtu) {
      SerialPortClientTransport clientTransport =
          SerialPortClientTransport.create(cfg -> RtuLine.configure(rtu, cfg));
      return ModbusRtuClient.create(clientTransport, cfg -> cfg.setRequestTimeout(timeout));
    }
    throw new IllegalArgumentException(
        "not a Modbus transport: " + transport.text() + " (expected tcp:// or rtu:)");
  }
}
