package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.serial.SerialPortTransportConfig;
import com.digitalpetri.modbus.server.ModbusRequestContext.ModbusRtuRequestContext;
import com.digitalpetri.modbus.server.ModbusRtuServerTransport;
import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.modbus.RtuLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave end of a Modbus RTU line on a jSerialComm port, framing requests with {@link
 * RtuRequestFramer}. It replaces digitalpetri 2.1.4's {@code SerialPortServerTransport}, whose
 * parser stops at the first function code it has no length for (and then never parses again) and
 * which passes frames on without checking their CRC.
 *
 * <p>Bytes are framed on jSerialComm's event thread, stamped with the injected clock on arrival;
 * frames are answered one at a time, in order, on one thread of this transport, so a reply delay
 * never delays the framing (and its silence timing) of what arrives meanwhile.
 */
final class SerialRtuServerTransport implements ModbusRtuServerTransport {

  private static final Logger LOG = LoggerFactory.getLogger(SerialRtuServerTransport.class);

  private final String portName;
  private final SerialPort port;
  private final RtuRequestFramer framer;
  private final NanoClock clock;
  private final AtomicReference<FrameReceiver<ModbusRtuRequestContext, ModbusRtuFrame>> receiver =
      new AtomicReference<>();
  private final ExecutorService answering;

  SerialRtuServerTransport(TransportUri.Rtu line, NanoClock clock) {
    SerialPortTransportConfig.Builder builder = new SerialPortTransportConfig.Builder();
    RtuLine.configure(line, builder);
    SerialPortTransportConfig config = builder.build();
    this.portName = line.text();
    this.clock = clock;
    this.port = SerialPort.getCommPort(config.serialPort());
    port.setComPortParameters(
        config.baudRate(), config.dataBits(), config.stopBits(), config.parity(), false);
    int bitsPerCharacter =
        1 + config.dataBits() + (config.parity() == SerialPort.NO_PARITY ? 0 : 1) + line.stopBits();
    this.framer =
        new RtuRequestFramer(
            RtuRequestFramer.interFrameSilenceNs(config.baudRate(), bitsPerCharacter),
            this::onFrame);
    this.answering =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "modbus-rtu-emulator " + line.port());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public CompletionStage<Void> bind() {
    if (port.isOpen()) {
      return CompletableFuture.completedFuture(null);
    }
    if (!port.openPort()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "cannot open " + portName + " (error code " + port.getLastErrorCode() + ")"));
    }
    port.addDataListener(new Receiving());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> unbind() {
    answering.shutdownNow();
    if (port.isOpen() && !port.closePort()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "cannot close " + portName + " (error code " + port.getLastErrorCode() + ")"));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void receive(FrameReceiver<ModbusRtuRequestContext, ModbusRtuFrame> frameReceiver) {
    receiver.set(frameReceiver);
  }

  private void onFrame(int unitId, byte[] pdu) {
    answering.execute(() -> answer(unitId, pdu));
  }

  private void answer(int unitId, byte[] pdu) {
    FrameReceiver<ModbusRtuRequestContext, ModbusRtuFrame> frameReceiver = receiver.get();
    if (frameReceiver == null) {
      return;
    }
    ModbusRtuFrame response;
    try {
      response =
          frameReceiver.receive(
              new ModbusRtuRequestContext() {},
              new ModbusRtuFrame(unitId, ByteBuffer.wrap(pdu), ByteBuffer.allocate(0)));
    } catch (UnknownUnitIdException e) {
      // not our unit, or replies dropped on purpose: an RTU slave stays silent
      return;
    } catch (Exception e) {
      // the master sees no answer and counts a timeout; this says why
      LOG.warn(
          "Modbus RTU emulator on {} could not answer unit {} function code {}",
          portName,
          unitId,
          pdu[0] & 0xFF,
          e);
      return;
    }
    write(response);
  }

  private void write(ModbusRtuFrame response) {
    ByteBuffer pdu = response.pdu();
    ByteBuffer crc = response.crc();
    byte[] bytes = new byte[1 + pdu.remaining() + crc.remaining()];
    bytes[0] = (byte) response.unitId();
    pdu.get(bytes, 1, pdu.remaining());
    crc.get(bytes, bytes.length - 2, 2);
    int total = 0;
    while (total < bytes.length) {
      int written = port.writeBytes(bytes, bytes.length - total, total);
      if (written < 0) {
        // the port is gone (closing, or the pseudo-terminal hung up): the master times out
        LOG.warn(
            "Modbus RTU emulator on {} wrote {} of a {}-byte reply to unit {}",
            portName,
            total,
            bytes.length,
            response.unitId());
        return;
      }
      total += written;
    }
  }

  private final class Receiving implements SerialPortDataListener {

    @Override
    public int getListeningEvents() {
      return SerialPort.LISTENING_EVENT_DATA_RECEIVED;
    }

    @Override
    public void serialEvent(SerialPortEvent event) {
      byte[] data = event.getReceivedData();
      framer.onBytes(data, data.length, clock.nanoTime());
    }
  }
}
