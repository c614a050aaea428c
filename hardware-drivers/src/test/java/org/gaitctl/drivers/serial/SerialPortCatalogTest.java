package org.gaitctl.drivers.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SerialPortCatalogTest {

  @Test
  void shouldListThePortsTheOperatingSystemReportsWithNameAndPath() {
    List<SerialPortCatalog.PortEntry> ports = SerialPortCatalog.list();
    assertThat(ports)
        .allSatisfy(
            port -> {
              assertThat(port.name()).isNotBlank();
              assertThat(port.path()).isNotBlank();
              assertThat(port.description()).isNotNull();
            });
  }
}
