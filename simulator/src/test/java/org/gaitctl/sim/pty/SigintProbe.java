package org.gaitctl.sim.pty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gaitctl.drivers.serial.JSerialCommShutdown;
import org.gaitctl.drivers.serial.JSerialCommTransport;

/**
 * The child JVM of {@link CtrlCIT}: a pair with both ends open, as the monitor has them, and a
 * shutdown hook that, once Ctrl-C has arrived, takes a while (as the controlled stop does) and then
 * sends bytes from the device end to the host end and prints whether they came through ({@value
 * #CARRIED}) or the port was gone ({@value #LOST}).
 */
public final class SigintProbe {

  static final String READY = "probe ready";
  static final String CARRIED = "after SIGINT: bytes carried, socat alive";
  static final String LOST = "after SIGINT: port lost";
  private static final long STOP_TIME_MS = 500;

  private SigintProbe() {}

  public static void main(String[] args) throws Exception {
    PseudoTerminalPair pair = PseudoTerminalPair.forHostPath(Path.of(args[0]));
    JSerialCommTransport host =
        new JSerialCommTransport(pair.hostEnd().toString(), 921_600, 100, 500);
    JSerialCommTransport device =
        new JSerialCommTransport(pair.deviceEnd().toString(), 921_600, 100, 500);
    if (host.open() != null || device.open() != null) {
      throw new IllegalStateException("cannot open the pair's ends");
    }
    JSerialCommShutdown.runBeforePortsClose(
        new Thread(
            () -> {
              stopTheBelt();
              System.out.println(roundTrip(host, device) && pair.isAlive() ? CARRIED : LOST);
              System.out.flush();
              pair.close();
            },
            "probe-shutdown"));
    System.out.println(READY);
    System.out.flush();
    Thread.sleep(60_000);
  }

  /** Stands for the monitor's controlled stop, which takes the belt's ramp time, seconds. */
  private static void stopTheBelt() {
    try {
      Thread.sleep(STOP_TIME_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean roundTrip(JSerialCommTransport host, JSerialCommTransport device) {
    byte[] sent = "still here".getBytes(StandardCharsets.US_ASCII);
    if (device.write(sent, 0, sent.length) != sent.length) {
      return false;
    }
    byte[] received = new byte[sent.length];
    int total = 0;
    for (int i = 0; i < 20 && total < sent.length; i++) {
      int read = host.read(received, total, received.length - total);
      if (read < 0) {
        return false;
      }
      total += read;
    }
    return new String(received, 0, total, StandardCharsets.US_ASCII).equals("still here");
  }
}
