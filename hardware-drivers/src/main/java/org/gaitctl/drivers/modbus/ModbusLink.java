package org.gaitctl.drivers.modbus;

import com.digitalpetri.modbus.client.ModbusClient;
import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusExecutionException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gaitctl.config.RegisterTable;
import org.gaitctl.core.port.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device on one Modbus client: executes register requests synchronously and turns every outcome
 * into a {@link CommandResult} and a counter. Connects lazily and reconnects on the request after a
 * loss, so a request never waits longer than the connect timeout plus the request timeout.
 *
 * <p>Requests take turns on the client's {@link RequestLine} by {@link RequestClass}, so drivers
 * sharing one client (drive and BWS on one RTU line) never interleave on the wire, and on a slow
 * device safety commands, heartbeats and status reads go before setpoints. A driver composes a
 * request from its state while it holds the line ({@link #enter}, the {@code ...Entered} methods,
 * {@link #leave}). A request blocks for at most the request timeout (plus the connect timeout when
 * reconnecting) once on the line; allocates per request (the Modbus library does), so it belongs on
 * the Modbus I/O threads, never on the ring.
 */
final class ModbusLink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModbusLink.class);
  // deviceWatchdogMs (at most 1000) must be at least twice any request timeout.
  private static final long LONGEST_REQUEST_TIMEOUT_MS = 500;

  private final String deviceName;
  private final ModbusClient client;
  private final int unitId;
  private final LinkCounters counters;
  private final long connectWaitMs;

  /** True once a connect succeeded: a later connect follows a loss. */
  private boolean connectedBefore;

  private final long requestTimeoutNs;
  private final RequestLine line;
  private CommandResult lastResult = CommandResult.OK;
  private long requestStartNs;

  /** The last request's round trip, ns (written on the line, read by setpoint callers). */
  private volatile long lastRoundTripNs;

  ModbusLink(String deviceName, ModbusClient client, int unitId) {
    this.deviceName = deviceName;
    this.client = client;
    this.connectWaitMs = connectWaitMsOf(client);
    this.requestTimeoutNs = connectWaitMs / 2 * 1_000_000L;
    this.line = RequestLine.of(client);
    this.unitId = unitId;
    this.counters = new LinkCounters(deviceName);
  }

  LinkCounters counters() {
    return counters;
  }

  /**
   * Waits for this request's turn on the line ({@link RequestLine}); the caller must {@link
   * #leave()} after its requests.
   */
  void enter(RequestClass requestClass) {
    if (!line.tryEnter(requestClass)) {
      line.enter(requestClass, Long.MAX_VALUE);
      counters.countQueued();
    }
  }

  /** Enters only if it is this request's turn at once (the line free, nobody more urgent). */
  boolean tryEnter(RequestClass requestClass) {
    return line.tryEnter(requestClass);
  }

  long requestTimeoutNs() {
    return requestTimeoutNs;
  }

  /**
   * Whether the device is slow: its last round trip took more than half the request timeout. Only
   * then is the line's capacity short enough that a setpoint should ride on the heartbeat rather
   * than wait a few milliseconds for its own turn.
   */
  boolean slow() {
    return lastRoundTripNs > requestTimeoutNs / 2;
  }

  /**
   * As {@link #enter} but waits at most one request timeout: a setpoint that cannot get the line
   * that long is late anyway, and the caller's next value follows.
   *
   * @return whether the line was entered
   */
  boolean enterWithinRequestTimeout(RequestClass requestClass) {
    if (line.tryEnter(requestClass)) {
      return true;
    }
    if (!line.enter(requestClass, requestTimeoutNs)) {
      return false;
    }
    counters.countQueued();
    return true;
  }

  void leave() {
    line.leave();
  }

  /** Reads {@code quantity} registers into {@code wordsOut} as unsigned 16-bit words. */
  CommandResult read(
      RequestClass requestClass, RegisterTable table, int address, int quantity, int[] wordsOut) {
    enter(requestClass);
    try {
      return readOnLine(table, address, quantity, wordsOut);
    } finally {
      leave();
    }
  }

  /** Writes one holding register (FC 6). */
  CommandResult write(RequestClass requestClass, int address, int word) {
    enter(requestClass);
    try {
      return writeOnLine(address, word);
    } finally {
      leave();
    }
  }

  /** Writes {@code words.length} consecutive holding registers in one request (FC 16). */
  CommandResult writeMultiple(RequestClass requestClass, int address, int[] words) {
    enter(requestClass);
    try {
      return writeMultipleOnLine(address, words, words.length);
    } finally {
      leave();
    }
  }

  /** FC 6 on a line the caller has entered. */
  CommandResult writeEntered(int address, int word) {
    return writeOnLine(address, word);
  }

  /** FC 16 of {@code count} words on a line the caller has entered. */
  CommandResult writeMultipleEntered(int address, int[] words, int count) {
    return writeMultipleOnLine(address, words, count);
  }

  /** A read on a line the caller has entered. */
  CommandResult readEntered(RegisterTable table, int address, int quantity, int[] wordsOut) {
    return readOnLine(table, address, quantity, wordsOut);
  }

  private CommandResult readOnLine(RegisterTable table, int address, int quantity, int[] wordsOut) {
    CommandResult connected = beginRequest();
    if (!connected.isOk()) {
      return finish(connected, null);
    }
    try {
      byte[] bytes =
          table == RegisterTable.HOLDING
              ? client
                  .readHoldingRegisters(unitId, new ReadHoldingRegistersRequest(address, quantity))
                  .registers()
              : client
                  .readInputRegisters(unitId, new ReadInputRegistersRequest(address, quantity))
                  .registers();
      if (bytes.length != 2 * quantity) {
        return finish(CommandResult.IO_ERROR, "short read of " + bytes.length + " bytes");
      }
      for (int i = 0; i < quantity; i++) {
        wordsOut[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
      }
      return finish(CommandResult.OK, null);
    } catch (Exception e) {
      return failed(e);
    }
  }

  private CommandResult writeOnLine(int address, int word) {
    CommandResult connected = beginRequest();
    if (!connected.isOk()) {
      return finish(connected, null);
    }
    try {
      client.writeSingleRegister(unitId, new WriteSingleRegisterRequest(address, word & 0xFFFF));
      return finish(CommandResult.OK, null);
    } catch (Exception e) {
      return failed(e);
    }
  }

  private CommandResult writeMultipleOnLine(int address, int[] words, int count) {
    CommandResult connected = beginRequest();
    if (!connected.isOk()) {
      return finish(connected, null);
    }
    byte[] bytes = new byte[2 * count];
    for (int i = 0; i < count; i++) {
      bytes[2 * i] = (byte) (words[i] >> 8);
      bytes[2 * i + 1] = (byte) words[i];
    }
    try {
      client.writeMultipleRegisters(
          unitId, new WriteMultipleRegistersRequest(address, count, bytes));
      return finish(CommandResult.OK, null);
    } catch (Exception e) {
      return failed(e);
    }
  }

  /**
   * Connects when the link is down, waiting at most {@link #connectWaitMs()}. The library's
   * blocking {@code connect()} waits on its future without a bound, and that future can stay
   * incomplete (a device whose process died under an open connection: pollers parked in it for
   * good, holding the driver, and the supervisor's stop commands waited behind them), so the wait
   * is bounded here and an attempt that outlives it is abandoned: the next request starts afresh,
   * and a device that stays away is the supervisor's F07/F13.
   */
  private CommandResult beginRequest() {
    counters.countRequest();
    requestStartNs = System.nanoTime();
    if (client.isConnected()) {
      return CommandResult.OK;
    }
    if (connectedBefore) {
      // After a connection loss the library's first connect never completed (every TCP reset in
      // the HIL runs: abandoned after the connect wait, the next attempt connected in ~20 ms).
      // Disconnecting first returns its state machine to idle, so the connect starts at once.
      client.disconnectAsync();
    }
    CompletableFuture<Void> connecting = client.connectAsync().toCompletableFuture();
    try {
      connecting.get(connectWaitMs(), TimeUnit.MILLISECONDS);
      connectedBefore = true;
      counters.countReconnect();
      LOG.info("{}: connected", deviceName);
      return CommandResult.OK;
    } catch (TimeoutException e) {
      connecting.cancel(false);
      client.disconnectAsync();
      // Worth seeing: the request that waited for it failed, and a device watchdog may trip.
      LOG.warn("{}: connect did not complete within {} ms; abandoned", deviceName, connectWaitMs());
      return CommandResult.NOT_CONNECTED;
    } catch (ExecutionException | RuntimeException e) {
      LOG.warn("{}: connect failed: {}", deviceName, e.toString());
      return CommandResult.NOT_CONNECTED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.NOT_CONNECTED;
    }
  }

  private long connectWaitMs() {
    return connectWaitMs;
  }

  /**
   * Twice the client's request timeout, which {@link ModbusClients} also gives the transport as its
   * connect timeout; a client built elsewhere gets the longest request timeout a profile allows.
   */
  private static long connectWaitMsOf(ModbusClient client) {
    Duration requestTimeout =
        client instanceof ModbusTcpClient tcp
            ? tcp.getConfig().requestTimeout()
            : client instanceof ModbusRtuClient rtu
                ? rtu.getConfig().requestTimeout()
                : Duration.ofMillis(LONGEST_REQUEST_TIMEOUT_MS);
    return 2 * requestTimeout.toMillis();
  }

  private CommandResult failed(Exception e) {
    if (e instanceof ModbusResponseException response) {
      return finish(
          CommandResult.REJECTED,
          "exception "
              + response.getExceptionCode()
              + " to function "
              + response.getFunctionCode());
    }
    if (e instanceof ModbusTimeoutException) {
      return finish(CommandResult.TIMEOUT, "no answer");
    }
    if (e instanceof ModbusExecutionException && (isConnectionLoss(e) || !client.isConnected())) {
      return finish(CommandResult.NOT_CONNECTED, String.valueOf(e.getMessage()));
    }
    LOG.debug("{}: request failed", deviceName, e);
    return finish(CommandResult.IO_ERROR, e.toString());
  }

  private static boolean isConnectionLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedChannelException) {
        return true;
      }
    }
    return false;
  }

  /** Counts the outcome; logs a warning when the link's state changes, not on every repeat. */
  private CommandResult finish(CommandResult result, String detail) {
    lastRoundTripNs = System.nanoTime() - requestStartNs;
    counters.countFailure(result);
    if (result != lastResult) {
      if (result.isOk()) {
        LOG.info("{}: requests succeed again after {}", deviceName, lastResult);
      } else {
        LOG.warn("{}: request {}{}", deviceName, result, detail == null ? "" : ": " + detail);
      }
      lastResult = result;
    }
    return result;
  }

  @Override
  public void close() {
    try {
      // Idempotent: drivers sharing a client may both close it. Bounded as the connect is.
      client.disconnectAsync().toCompletableFuture().get(connectWaitMs(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("{}: disconnect failed; the transport is abandoned", deviceName, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("{}: interrupted while disconnecting; the transport is abandoned", deviceName);
    }
  }
}
