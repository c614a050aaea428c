package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.MbapHeader;
import com.digitalpetri.modbus.ModbusTcpFrame;
import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.server.ModbusRequestContext.ModbusTcpRequestContext;
import com.digitalpetri.modbus.server.ModbusServerConfig;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ModbusTcpServerTransport;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * digitalpetri's {@link ModbusTcpServer} answering as the spec's devices do: a function code they
 * do not implement (diagnostics 8, device identification 43, any other) gets exception 1, illegal
 * function, and a request PDU too short for its function code exception 3, illegal data value.
 * Version 2.1.4 cannot decode such requests and throws, and its transport then closes the master's
 * connection.
 *
 * <p>Returns {@code null} for a frame without a function code: there is nothing to answer.
 */
final class SpecTcpServer extends ModbusTcpServer {

  /** FC 3, 4, 6 and 16: what the drive and the BWS unit implement (spec §2–§4). */
  static final Set<Integer> SERVED_FUNCTION_CODES = Set.of(3, 4, 6, 16);

  private final RegisterDeviceServices services;

  SpecTcpServer(ModbusTcpServerTransport transport, RegisterDeviceServices services) {
    super(new ModbusServerConfig.Builder().build(), transport, services);
    this.services = services;
  }

  @Override
  protected ModbusTcpFrame handleModbusTcpFrame(
      ModbusTcpFrame frame, ModbusTcpRequestContext context) throws Exception {
    MbapHeader header = frame.header();
    ByteBuffer pdu = frame.pdu();
    if (!pdu.hasRemaining()) {
      // No function code at all: nothing a master could match an answer to.
      return null;
    }
    int functionCode = pdu.get(pdu.position()) & 0xFF;
    if (!SERVED_FUNCTION_CODES.contains(functionCode)) {
      services.admit(header.unitId());
      return exception(header, functionCode, ExceptionCode.ILLEGAL_FUNCTION);
    }
    ModbusRequestPdu request;
    try {
      request = (ModbusRequestPdu) getConfig().requestSerializer().decode(functionCode, pdu);
    } catch (RuntimeException e) {
      // BufferUnderflowException and the like: the PDU is shorter than its function code needs.
      services.admit(header.unitId());
      return exception(header, functionCode, ExceptionCode.ILLEGAL_DATA_VALUE);
    }
    return handleModbusRequestPdu(context, header.transactionId(), header.unitId(), request);
  }

  private static ModbusTcpFrame exception(
      MbapHeader request, int functionCode, ExceptionCode code) {
    ByteBuffer pdu =
        ByteBuffer.allocate(2).put((byte) (functionCode | 0x80)).put((byte) code.getCode()).flip();
    return new ModbusTcpFrame(new MbapHeader(request.transactionId(), 0, 3, request.unitId()), pdu);
  }
}
