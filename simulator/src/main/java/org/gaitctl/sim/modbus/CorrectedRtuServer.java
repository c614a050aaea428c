package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.Crc16;
import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.server.ModbusRequestContext.ModbusRtuRequestContext;
import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusRtuServerTransport;
import com.digitalpetri.modbus.server.ModbusServerConfig;
import com.digitalpetri.modbus.server.ModbusServices;
import java.nio.ByteBuffer;

/**
 * digitalpetri's {@link ModbusRtuServer} with correct CRCs on exception responses. Version 2.1.4
 * computes an exception frame's CRC over the unit id alone (it reads the PDU buffer before flipping
 * it), so every master, ours and mbpoll alike, sees a CRC error instead of exception 2 or 3. Normal
 * responses are passed through unchanged.
 */
final class CorrectedRtuServer extends ModbusRtuServer {

  CorrectedRtuServer(ModbusRtuServerTransport transport, ModbusServices services) {
    super(new ModbusServerConfig.Builder().build(), transport, services);
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
    Crc16 crc = new Crc16();
    crc.update(unitId);
    crc.update(pdu.duplicate());
    int value = crc.getValue();
    ByteBuffer crcBytes = ByteBuffer.allocate(2).put((byte) value).put((byte) (value >> 8)).flip();
    return new ModbusRtuFrame(unitId, pdu, crcBytes);
  }
}
