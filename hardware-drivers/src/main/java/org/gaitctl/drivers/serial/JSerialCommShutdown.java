package org.gaitctl.drivers.serial;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Shutdown work that needs the serial ports open, ordered before jSerialComm closes them.
 *
 * <p>jSerialComm registers a JVM shutdown hook of its own that closes every port it opened (its
 * native library's unload). The JVM starts all shutdown hooks at once, in no order, so on Ctrl-C a
 * hook registered with {@link Runtime#addShutdownHook} races it and loses: the stream readers and
 * the emulators on pseudo-terminals see their ports closed under them ("port lost") while the hook
 * is still stopping the belt. jSerialComm runs the hooks given to {@link
 * SerialPort#addShutdownHook} one after the other, each to its end, before it closes the ports.
 */
public final class JSerialCommShutdown {

  private JSerialCommShutdown() {}

  /**
   * Runs {@code hook} at JVM shutdown, to its end, before any jSerialComm port is closed. There is
   * no removal: a hook whose work is already done must return at once.
   */
  public static void runBeforePortsClose(Thread hook) {
    SerialPort.addShutdownHook(hook);
  }
}
