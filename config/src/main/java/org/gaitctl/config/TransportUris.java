package org.gaitctl.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses device addresses of wire protocol spec §4:
 *
 * <ul>
 *   <li>{@code tcp://HOST:PORT}: Modbus TCP; HOST a name, an IPv4 address or a bracketed IPv6
 *       address, PORT 1..65535;
 *   <li>{@code rtu:PORT?baud=115200&parity=even&stop=1}: Modbus RTU, 8 data bits; parameters
 *       optional with the defaults of the Modbus serial line specification (19200 baud, even
 *       parity, 1 stop bit);
 *   <li>{@code serial:PORT?baud=921600}: the framed serial stream; baud defaults to 921600.
 * </ul>
 *
 * <p>Called on any thread at start-up (configuration, command line, emulators); allocates; never
 * blocks.
 */
public final class TransportUris {

  /** The forms accepted, for messages. */
  public static final String FORMS =
      "tcp://HOST:PORT, rtu:PORT?baud=..&parity=none|even|odd&stop=1|2 or serial:PORT?baud=..";

  static final int DEFAULT_RTU_BAUD = 19200;
  static final String DEFAULT_RTU_PARITY = "even";
  static final int DEFAULT_RTU_STOP_BITS = 1;
  static final int DEFAULT_SERIAL_BAUD = 921600;
  static final int MIN_BAUD = 300;
  static final int MAX_BAUD = 4_000_000;

  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+]");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

  private TransportUris() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a message that quotes {@code text} and says what is
   *     wrong, e.g. {@code 'tcp://plc' has no port; expected tcp://HOST:PORT}
   */
  public static TransportUri parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("is empty; expected " + FORMS);
    }
    if (text.startsWith("tcp://")) {
      return parseTcp(text);
    }
    if (text.startsWith("rtu:")) {
      Map<String, String> params = serialParams(text, "rtu:", List.of("baud", "parity", "stop"));
      int baud = baud(text, params.getOrDefault("baud", Integer.toString(DEFAULT_RTU_BAUD)));
      String parity = params.getOrDefault("parity", DEFAULT_RTU_PARITY);
      if (!List.of("none", "even", "odd").contains(parity)) {
        throw invalid(text, "has parity '" + parity + "'; parity must be none, even or odd");
      }
      String stop = params.getOrDefault("stop", Integer.toString(DEFAULT_RTU_STOP_BITS));
      if (!stop.equals("1") && !stop.equals("2")) {
        throw invalid(text, "has stop '" + stop + "'; stop must be 1 or 2");
      }
      return new TransportUri.Rtu(port(text, "rtu:"), baud, 8, parity, Integer.parseInt(stop));
    }
    if (text.startsWith("serial:")) {
      Map<String, String> params = serialParams(text, "serial:", List.of("baud"));
      int baud = baud(text, params.getOrDefault("baud", Integer.toString(DEFAULT_SERIAL_BAUD)));
      return new TransportUri.SerialStream(port(text, "serial:"), baud);
    }
    throw invalid(text, "is not a transport address; expected " + FORMS);
  }

  private static TransportUri parseTcp(String text) {
    String authority = text.substring("tcp://".length());
    int colon = authority.lastIndexOf(':');
    int bracket = authority.lastIndexOf(']');
    if (authority.contains("/") || authority.contains("?")) {
      throw invalid(text, "has text after the port; expected tcp://HOST:PORT");
    }
    if (colon < 0 || colon < bracket) {
      throw invalid(text, "has no port; expected tcp://HOST:PORT");
    }
    String host = authority.substring(0, colon);
    String port = authority.substring(colon + 1);
    if (host.isEmpty()) {
      throw invalid(text, "has no host; expected tcp://HOST:PORT");
    }
    if (!HOST_NAME.matcher(host).matches() && !IPV6_LITERAL.matcher(host).matches()) {
      throw invalid(
          text, "has host '" + host + "'; a host is a name, an IPv4 address or an [IPv6] address");
    }
    if (!DIGITS.matcher(port).matches()
        || Long.parseLong(port) < 1
        || Long.parseLong(port) > 65535) {
      throw invalid(text, "has port '" + port + "'; the port must be 1..65535");
    }
    return new TransportUri.Tcp(host, Integer.parseInt(port));
  }

  private static String port(String text, String scheme) {
    int query = text.indexOf('?');
    String port = text.substring(scheme.length(), query < 0 ? text.length() : query);
    if (port.isEmpty()) {
      throw invalid(text, "has no port; expected " + scheme + "PORT?baud=..");
    }
    if (port.startsWith("//")) {
      throw invalid(
          text, "has '//' before the port; write " + scheme + port.substring(2) + " (no '//')");
    }
    if (port.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(text, "has a port name with white space");
    }
    return port;
  }

  private static Map<String, String> serialParams(
      String text, String scheme, List<String> knownKeys) {
    port(text, scheme);
    Map<String, String> params = new LinkedHashMap<>();
    int query = text.indexOf('?');
    if (query < 0) {
      return params;
    }
    for (String param : text.substring(query + 1).split("&", -1)) {
      int equals = param.indexOf('=');
      if (equals <= 0) {
        throw invalid(text, "has parameter '" + param + "'; expected NAME=VALUE");
      }
      String key = param.substring(0, equals);
      if (!knownKeys.contains(key)) {
        throw invalid(
            text, "has unknown parameter '" + key + "'; expected " + String.join(", ", knownKeys));
      }
      if (params.put(key, param.substring(equals + 1)) != null) {
        throw invalid(text, "sets '" + key + "' twice");
      }
    }
    return params;
  }

  private static int baud(String text, String baud) {
    if (!DIGITS.matcher(baud).matches()
        || Long.parseLong(baud) < MIN_BAUD
        || Long.parseLong(baud) > MAX_BAUD) {
      throw invalid(text, "has baud '" + baud + "'; baud must be " + MIN_BAUD + ".." + MAX_BAUD);
    }
    return Integer.parseInt(baud);
  }

  private static IllegalArgumentException invalid(String text, String problem) {
    return new IllegalArgumentException("'" + text + "' " + problem);
  }
}
