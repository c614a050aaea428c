package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransportUrisTest {

  @Test
  void shouldParseModbusTcp() {
    assertThat(TransportUris.parse("tcp://127.0.0.1:1502"))
        .isEqualTo(new TransportUri.Tcp("127.0.0.1", 1502));
    assertThat(TransportUris.parse("tcp://drive-1.lab.local:502"))
        .isEqualTo(new TransportUri.Tcp("drive-1.lab.local", 502));
    assertThat(TransportUris.parse("tcp://[::1]:1502"))
        .isEqualTo(new TransportUri.Tcp("[::1]", 1502));
  }

  @Test
  void shouldParseModbusRtuWithEveryParameter() {
    assertThat(TransportUris.parse("rtu:/dev/ttyUSB0?baud=115200&parity=odd&stop=2"))
        .isEqualTo(new TransportUri.Rtu("/dev/ttyUSB0", 115200, 8, "odd", 2));
    assertThat(TransportUris.parse("rtu:COM3?stop=2&parity=none&baud=9600"))
        .isEqualTo(new TransportUri.Rtu("COM3", 9600, 8, "none", 2));
  }

  @Test
  void shouldDefaultModbusRtuToTheModbusSerialLineDefaults() {
    assertThat(TransportUris.parse("rtu:/dev/ttyUSB0"))
        .isEqualTo(new TransportUri.Rtu("/dev/ttyUSB0", 19200, 8, "even", 1));
  }

  @Test
  void shouldParseSerialStreamsWithTheSpecsDefaultBaud() {
    assertThat(TransportUris.parse("serial:/tmp/gaitctl/pbu?baud=460800"))
        .isEqualTo(new TransportUri.SerialStream("/tmp/gaitctl/pbu", 460800));
    assertThat(TransportUris.parse("serial:/dev/ttyACM0"))
        .isEqualTo(new TransportUri.SerialStream("/dev/ttyACM0", 921600));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp://127.0.0.1:1502",
        "tcp://[fe80::1]:502",
        "rtu:/tmp/gaitctl/drive-rtu?baud=115200&parity=even&stop=1",
        "serial:/tmp/gaitctl/lca?baud=921600"
      })
  void shouldWriteBackTheTextItParsed(String text) {
    assertThat(TransportUris.parse(text).text()).isEqualTo(text);
    assertThat(TransportUris.parse(TransportUris.parse(text).text()))
        .isEqualTo(TransportUris.parse(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      value = {
        "''#is empty; expected " + TransportUris.FORMS,
        "udp://127.0.0.1:502#'udp://127.0.0.1:502' is not a transport address; expected "
            + TransportUris.FORMS,
        "TCP://127.0.0.1:502#'TCP://127.0.0.1:502' is not a transport address; expected "
            + TransportUris.FORMS,
        "tcp://plc#'tcp://plc' has no port; expected tcp://HOST:PORT",
        "tcp://:502#'tcp://:502' has no host; expected tcp://HOST:PORT",
        "tcp://[::1]#'tcp://[::1]' has no port; expected tcp://HOST:PORT",
        "tcp://::1:502#'tcp://::1:502' has host '::1'; a host is a name, an IPv4 address or an"
            + " [IPv6] address",
        "tcp://plc:0#'tcp://plc:0' has port '0'; the port must be 1..65535",
        "tcp://plc:65536#'tcp://plc:65536' has port '65536'; the port must be 1..65535",
        "tcp://plc:50x#'tcp://plc:50x' has port '50x'; the port must be 1..65535",
        "tcp://plc:502/x#'tcp://plc:502/x' has text after the port; expected tcp://HOST:PORT",
        "rtu:?baud=9600#'rtu:?baud=9600' has no port; expected rtu:PORT?baud=..",
        "rtu://dev/ttyUSB0#'rtu://dev/ttyUSB0' has '//' before the port; write rtu:dev/ttyUSB0"
            + " (no '//')",
        "rtu:/dev/ttyUSB0?baud=fast#'rtu:/dev/ttyUSB0?baud=fast' has baud 'fast'; baud must be"
            + " 300..4000000",
        "rtu:/dev/ttyUSB0?baud=100#'rtu:/dev/ttyUSB0?baud=100' has baud '100'; baud must be"
            + " 300..4000000",
        "rtu:/dev/ttyUSB0?parity=mark#'rtu:/dev/ttyUSB0?parity=mark' has parity 'mark'; parity"
            + " must be none, even or odd",
        "rtu:/dev/ttyUSB0?stop=1.5#'rtu:/dev/ttyUSB0?stop=1.5' has stop '1.5'; stop must be 1 or 2",
        "rtu:/dev/ttyUSB0?data=7#'rtu:/dev/ttyUSB0?data=7' has unknown parameter 'data'; expected"
            + " baud, parity, stop",
        "rtu:/dev/ttyUSB0?baud=9600&baud=19200#'rtu:/dev/ttyUSB0?baud=9600&baud=19200' sets"
            + " 'baud' twice",
        "rtu:/dev/ttyUSB0?baud#'rtu:/dev/ttyUSB0?baud' has parameter 'baud'; expected NAME=VALUE",
        "serial:/dev/ttyACM0?parity=even#'serial:/dev/ttyACM0?parity=even' has unknown parameter"
            + " 'parity'; expected baud",
        "serial:#'serial:' has no port; expected serial:PORT?baud=.."
      })
  void shouldExplainWhatIsWrongWithAnAddress(String text, String expected) {
    assertThatThrownBy(() -> TransportUris.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
  }
}
