package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.Crc16;
import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.server.ModbusRequestContext.ModbusRtuRequestContext;
import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusServerConfig;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

/**
 * digitalpetri's {@link ModbusRtuServer} answering as the spec's devices do, on a {@link
 * SerialRtuServerTransport}:
 *
 * <ul>
 *   <li>a function code the devices do not implement (diagnostics 8, device identification 43, any
 *       other) gets exception 1, illegal function, and a request PDU too short for its function
 *       code exception 3, illegal data value, as on TCP ({@link SpecTcpServer}); version 2.1.4
 *       cannot decode such requests and throws;
 *   <li>exception responses carry a correct CRC: 2.1.4 computes it over the unit id alone (it reads
 *       the PDU buffer before flipping it), so every master, ours and mbpoll alike, saw a CRC error
 *       instead of exception 2 or 3.
 * </ul>
 *
 * Normal responses are passed through unchanged.
 */
final class CorrectedRtuServer extends ModbusRtuServer {

  private final RegisterDeviceServices services;

  CorrectedRtuServer(SerialRtuServerTransport transport, RegisterDeviceServices services) {
    super(new ModbusServerConfig.Builder().build(), transport, services);
    this.services = services;
  }

  /** As the library's start, with this class's decoding of the request in front. */
  @Override
  public void start() throws ExecutionException, InterruptedException {
    getTransport().receive(this::answer);
    getTransport().bind().toCompletableFuture().get();
  }

  private ModbusRtuFrame answer(ModbusRtuRequestContext context, ModbusRtuFrame frame)
      throws Exception {
    int unitId = frame.unitId();
    ByteBuffer pdu = frame.pdu();
    int functionCode = pdu.get(pdu.position()) & 0xFF;
    if (!SpecTcpServer.SERVED_FUNCTION_CODES.contains(functionCode)) {
      services.admit(unitId);
      return exception(unitId, functionCode, ExceptionCode.ILLEGAL_FUNCTION);
    }
    ModbusRequestPdu request;
    try {
      request = (ModbusRequestPdu) getConfig().requestSerializer().decode(functionCode, pdu);
    } catch (RuntimeException e) {
      // BufferUnderflowException and the like: the PDU is shorter than its function code needs.
      services.admit(unitId);
      return exception(unitId, functionCode, ExceptionCode.ILLEGAL_DATA_VALUE);
    }
    return handleModbusRtuFrame(context, unitId, functionCode, request);
  }

  @Override
  protected ModbusRtuFrame handleModbusRtuFrame(
      ModbusRtuRequestContext context, int unitId, int functionCode, ModbusRequestPdu request)
      throws Exception {
    ModbusRtuFrame frame = super.handleModbusRtuFrame(context, unitId, functionCode, request);
    ByteBuffer pdu = frame.pdu();
    if (pdu.remaining() == 0 || (pdu.get(pdu.position()) & 0x80) == 0) {
      return frame;
    }
    return withCrc(unitId, pdu);
  }

  private static ModbusRtuFrame exception(int unitId, int functionCode, ExceptionCode code) {
    ByteBuffer pdu =
        ByteBuffer.allocate(2).put((byte) (functionCode | 0x80)).put((byte) code.getCode()).flip();
    return withCrc(unitId, pdu);
  }

  private static ModbusRtuFrame withCrc(int unitId, ByteBuffer pdu) {
    Crc16 crc = new Crc16();
    crc.update(unitId);
    crc.update(pdu.duplicate());
    int value = crc.getValue();
    ByteBuffer crcBytes = ByteBuffer.allocate(2).put((byte) value).put((byte) (value >> 8)).flip();
    return new ModbusRtuFrame(unitId, pdu, crcBytes);
  }
}
