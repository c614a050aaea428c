package org.gaitctl.app;

import java.io.PrintWriter;
import java.util.List;
import org.gaitctl.drivers.serial.SerialPortCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gaitctl ports}: the machine's serial ports, for writing a device profile. */
@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = "List the machine's serial ports (use the path in a profile's serial: or rtu:).")
final class PortsCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    List<SerialPortCatalog.PortEntry> ports = SerialPortCatalog.list();
    if (ports.isEmpty()) {
      out.println("No serial ports found.");
      return;
    }
    out.printf("%-16s %-40s %s%n", "NAME", "DESCRIPTION", "PATH");
    for (SerialPortCatalog.PortEntry port : ports) {
      out.printf("%-16s %-40s %s%n", port.name(), port.description(), port.path());
    }
  }
}
