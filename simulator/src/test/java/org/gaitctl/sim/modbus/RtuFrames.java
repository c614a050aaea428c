package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.Crc16;

/** Raw Modbus RTU frames for the tests that speak bytes to the RTU server. */
final class RtuFrames {

  private RtuFrames() {}

  /** Unit id, the PDU's bytes, then their CRC-16, low byte first. */
  static byte[] withCrc(int... unitAndPdu) {
    byte[] frame = new byte[unitAndPdu.length + 2];
    Crc16 crc = new Crc16();
    for (int i = 0; i < unitAndPdu.length; i++) {
      frame[i] = (byte) unitAndPdu[i];
      crc.update(unitAndPdu[i]);
    }
    frame[unitAndPdu.length] = (byte) crc.getValue();
    frame[unitAndPdu.length + 1] = (byte) (crc.getValue() >> 8);
    return frame;
  }
}
