package org.gaitctl.sim.stream;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.loop.DeadlineIdleStrategy;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.serial.JSerialCommTransport;
import org.gaitctl.drivers.serial.SerialTransport;
import org.gaitctl.sim.LoadCellSource;
import org.gaitctl.sim.PressureFrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StreamDevice} on the device end of a serial port (a socat pseudo-terminal in tests
 * and {@code gaitctl sim}) as an {@link Agent} on its own {@link AgentThread}: each step reads the
 * commands that are in (never waiting) and sends what is due; when idle it parks until the device's
 * next deadline, at most {@value #MAX_SLEEP_MS} ms at a time so commands are answered promptly
 * ({@link DeadlineIdleStrategy}: no core burned). Deadlines come from the injected clock.
 *
 * <p>A failed port (the pair was closed) ends the loop; {@link #portLost()} says so.
 */
public final class SerialDeviceEmulator implements Agent, AutoCloseable {

  static final long MAX_SLEEP_MS = 1;

  private static final Logger LOG = LoggerFactory.getLogger(SerialDeviceEmulator.class);
  private static final long MAX_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(MAX_SLEEP_MS);

  private final String name;
  private final SerialTransport port;
  private final NanoClock clock;
  private final StreamDevice device;
  private final byte[] commandBuffer = new byte[256];
  private AgentThread thread;
  private volatile boolean portLost;

  private SerialDeviceEmulator(
      String name,
      SerialTransport port,
      NanoClock clock,
      Function<DeviceOutput, StreamDevice> deviceFactory) {
    this.name = name;
    this.port = port;
    this.clock = clock;
    this.device =
        deviceFactory.apply((bytes, offset, length) -> port.write(bytes, offset, length) == length);
  }

  /**
   * A PBU emulator on {@code portPath}, started.
   *
   * @throws IOException when the port cannot be opened
   */
  public static SerialDeviceEmulator pressureBelt(
      String portPath,
      PressureFrameSource source,
      PressureBeltDevice.Settings settings,
      NanoClock clock)
      throws IOException {
    long originNs = clock.nanoTime();
    return start(
        "pbu-emulator",
        portPath,
        clock,
        output -> new PressureBeltDevice(source, settings, output, originNs));
  }

  /**
   * An LCA emulator on {@code portPath}, started.
   *
   * @throws IOException when the port cannot be opened
   */
  public static SerialDeviceEmulator loadCell(
      String portPath, LoadCellSource source, LoadCellDevice.Settings settings, NanoClock clock)
      throws IOException {
    long originNs = clock.nanoTime();
    return start(
        "lca-emulator",
        portPath,
        clock,
        output -> new LoadCellDevice(source, settings, output, originNs));
  }

  private static SerialDeviceEmulator start(
      String name,
      String portPath,
      NanoClock clock,
      Function<DeviceOutput, StreamDevice> deviceFactory)
      throws IOException {
    SerialTransport port = new JSerialCommTransport(portPath, 921_600, 100, 2000);
    String failure = port.open();
    if (failure != null) {
      throw new IOException(name + ": cannot open " + portPath + ": " + failure);
    }
    SerialDeviceEmulator emulator = new SerialDeviceEmulator(name, port, clock, deviceFactory);
    emulator.thread =
        AgentThread.start(
            emulator,
            new DeadlineIdleStrategy(clock, emulator.device::nextDeadlineNs, MAX_SLEEP_NS));
    LOG.info("{} streaming on {}", name, portPath);
    return emulator;
  }

  /** The device behaviour, for its state. */
  public StreamDevice device() {
    return device;
  }

  /** Fault injection; any thread. */
  public StreamFaults faults() {
    return device.faults();
  }

  public boolean portLost() {
    return portLost;
  }

  /**
   * One step: the commands that are in, then what is due. Emulator thread only.
   *
   * @return command bytes read
   * @throws AgentTerminationException when the port is gone, which ends the loop
   */
  @Override
  public int doWork() {
    int available = port.available();
    int read =
        available > 0
            ? port.read(commandBuffer, 0, Math.min(available, commandBuffer.length))
            : available;
    long nowNs = clock.nanoTime();
    if (read < 0) {
      portLost = true;
      throw new AgentTerminationException(
          name + ": port " + port.portName() + " lost; emulator stopped");
    }
    if (read > 0) {
      device.onCommandBytes(commandBuffer, 0, read, nowNs);
    }
    device.poll(nowNs);
    return read;
  }

  @Override
  public String roleName() {
    return name;
  }

  /** Stops the thread and closes the port. Never throws. */
  @Override
  public void close() {
    thread.close();
    port.close();
  }
}
