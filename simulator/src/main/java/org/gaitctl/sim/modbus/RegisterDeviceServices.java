package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import java.util.Map;

/**
 * Adapts {@link RegisterDevice}s to digitalpetri's server: FC 3, 4, 6 and 16 for each unit id
 * served; other function codes get exception 1 ({@link SpecTcpServer} on TCP, the library's default
 * on RTU). A request for a unit not served, or any request while {@link ReplyFaults} drops replies,
 * gets no answer at all (as on an RTU bus; on TCP the connection stays open).
 *
 * <p>Called on the server transport's executor threads; a reply delay sleeps that thread.
 */
final class RegisterDeviceServices implements ModbusServices {

  /** FC 3 and FC 4 read at most 125 registers; FC 16 writes at most 123. */
  private static final int MAX_READ = 125;

  private static final int MAX_WRITE = 123;

  private final Map<Integer, RegisterDevice> devicesByUnit;
  private final ReplyFaults faults;

  RegisterDeviceServices(Map<Integer, RegisterDevice> devicesByUnit, ReplyFaults faults) {
    this.devicesByUnit = Map.copyOf(devicesByUnit);
    this.faults = faults;
  }

  @Override
  public ReadHoldingRegistersResponse readHoldingRegisters(
      ModbusRequestContext context, int unitId, ReadHoldingRegistersRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    RegisterDevice device = device(unitId);
    int[] words = readBuffer(FunctionCode.READ_HOLDING_REGISTERS, request.quantity());
    check(
        FunctionCode.READ_HOLDING_REGISTERS,
        device.readHolding(request.address(), request.quantity(), words));
    return new ReadHoldingRegistersResponse(toBytes(words));
  }

  @Override
  public ReadInputRegistersResponse readInputRegisters(
      ModbusRequestContext context, int unitId, ReadInputRegistersRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    RegisterDevice device = device(unitId);
    int[] words = readBuffer(FunctionCode.READ_INPUT_REGISTERS, request.quantity());
    check(
        FunctionCode.READ_INPUT_REGISTERS,
        device.readInput(request.address(), request.quantity(), words));
    return new ReadInputRegistersResponse(toBytes(words));
  }

  @Override
  public WriteSingleRegisterResponse writeSingleRegister(
      ModbusRequestContext context, int unitId, WriteSingleRegisterRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    RegisterDevice device = device(unitId);
    check(
        FunctionCode.WRITE_SINGLE_REGISTER,
        device.writeHolding(request.address(), new int[] {request.value()}));
    return new WriteSingleRegisterResponse(request.address(), request.value());
  }

  @Override
  public WriteMultipleRegistersResponse writeMultipleRegisters(
      ModbusRequestContext context, int unitId, WriteMultipleRegistersRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    RegisterDevice device = device(unitId);
    byte[] bytes = request.values();
    int quantity = request.quantity();
    if (quantity < 1 || quantity > MAX_WRITE || bytes.length != 2 * quantity) {
      throw new ModbusResponseException(
          FunctionCode.WRITE_MULTIPLE_REGISTERS, ExceptionCode.ILLEGAL_DATA_VALUE);
    }
    int[] words = new int[quantity];
    for (int i = 0; i < quantity; i++) {
      words[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
    }
    check(FunctionCode.WRITE_MULTIPLE_REGISTERS, device.writeHolding(request.address(), words));
    return new WriteMultipleRegistersResponse(request.address(), quantity);
  }

  /**
   * The unit's device, after the injected reply faults: a drop or an unknown unit never answers.
   */
  private RegisterDevice device(int unitId) throws UnknownUnitIdException {
    admit(unitId);
    return devicesByUnit.get(unitId);
  }

  /**
   * Whether a request for {@code unitId} is answered at all, after the injected reply delay.
   *
   * @throws UnknownUnitIdException when it is not: the unit is not served, or replies are dropped
   */
  void admit(int unitId) throws UnknownUnitIdException {
    if (!devicesByUnit.containsKey(unitId) || faults.dropReplies()) {
      throw new UnknownUnitIdException(unitId);
    }
    int delayMs = faults.delayMs();
    if (delayMs > 0) {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        // The server is shutting down: answer now rather than hold its thread.
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int[] readBuffer(FunctionCode function, int quantity)
      throws ModbusResponseException {
    if (quantity < 1 || quantity > MAX_READ) {
      throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_VALUE);
    }
    return new int[quantity];
  }

  private static void check(FunctionCode function, int exceptionCode)
      throws ModbusResponseException {
    if (exceptionCode != RegisterDevice.OK) {
      throw new ModbusResponseException(function.getCode(), exceptionCode);
    }
  }

  private static byte[] toBytes(int[] words) {
    byte[] bytes = new byte[2 * words.length];
    for (int i = 0; i < words.length; i++) {
      bytes[2 * i] = (byte) (words[i] >> 8);
      bytes[2 * i + 1] = (byte) words[i];
    }
    return bytes;
  }
}
