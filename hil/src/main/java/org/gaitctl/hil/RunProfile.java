package org.gaitctl.hil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitctl.config.ConfigError;
import org.gaitctl.config.ConfigException;
import org.gaitctl.config.DevicesConfigLoader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The per-run copy of a scenario's device profile: free loopback TCP ports for the Modbus devices,
 * pseudo-terminals in the run's own folder, and the scenario's patient in {@code
 * simulation.patient}; so two runs, or a run and a bench, never collide. Emulators and controller
 * both read this copy.
 */
final class RunProfile {

  private RunProfile() {}

  /**
   * Writes the copy to {@code file} and validates it with the profile loader.
   *
   * @throws ConfigException when the profile (or the patient settings put into it) is invalid
   */
  static void write(Scenario scenario, Path ptyDir, Path file) throws IOException {
    Map<String, Object> profile = load(scenario.profile());
    Map<String, String> moved = new HashMap<>();
    for (String device : List.of("treadmill", "bws", "pressureBelt", "loadCell")) {
      Map<String, Object> section = section(profile, device, scenario.profile());
      Object transport = section.get("transport");
      if (transport instanceof String text) {
        section.put("transport", moved.computeIfAbsent(text, t -> isolate(t, ptyDir)));
      }
    }
    if (!scenario.patient().isEmpty()) {
      Map<String, Object> simulation =
          profile.get("simulation") instanceof Map<?, ?>
              ? section(profile, "simulation", scenario.profile())
              : new LinkedHashMap<>();
      profile.put("simulation", simulation);
      Map<String, Object> patient =
          simulation.get("patient") instanceof Map<?, ?>
              ? section(simulation, "patient", scenario.profile())
              : new LinkedHashMap<>();
      simulation.put("patient", patient);
      patient.putAll(scenario.patient());
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    String header =
        "# Per-run copy of "
            + scenario.profile()
            + " for scenario "
            + scenario.name()
            + " (gaitctl hil)\n";
    Files.writeString(file, header + new Yaml(options).dump(profile), StandardCharsets.UTF_8);
    try {
      DevicesConfigLoader.load(file);
    } catch (ConfigException e) {
      // Name the scenario: its patient settings (or its profile) made the copy invalid.
      throw new ConfigException(
          List.of(
              new ConfigError(
                  scenario.file().toString(),
                  0,
                  "patient",
                  "makes an invalid profile: " + e.getMessage())));
    }
  }

  private static Map<String, Object> load(String profile) throws IOException {
    String text;
    if (profile.endsWith(".yaml") || profile.endsWith(".yml")) {
      text = Files.readString(Path.of(profile), StandardCharsets.UTF_8);
    } else {
      String resource = "devices/" + profile + ".yaml";
      try (InputStream in = RunProfile.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new ConfigException(
              List.of(new ConfigError(profile, 0, "", "is no built-in profile (config/devices/)")));
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    Object root = new Yaml(new LoaderOptions()).load(text);
    if (!(root instanceof Map<?, ?>)) {
      throw new ConfigException(
          List.of(new ConfigError(profile, 0, "", "is not a device profile")));
    }
    return mutable(root);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mutable(Object map) {
    return new LinkedHashMap<>((Map<String, Object>) map);
  }

  private static Map<String, Object> section(
      Map<String, Object> parent, String key, String profile) {
    Object value = parent.get(key);
    if (!(value instanceof Map<?, ?>)) {
      throw new ConfigException(
          List.of(new ConfigError(profile, 0, key, "is missing or not a mapping")));
    }
    Map<String, Object> copy = mutable(value);
    parent.put(key, copy);
    return copy;
  }

  /** The transport moved to a free TCP port or into the run's pseudo-terminal folder. */
  static String isolate(String transport, Path ptyDir) {
    if (transport.startsWith("tcp://")) {
      return "tcp://127.0.0.1:" + freePort();
    }
    int colon = transport.indexOf(':');
    int query = transport.indexOf('?');
    String path =
        query < 0 ? transport.substring(colon + 1) : transport.substring(colon + 1, query);
    String rest = query < 0 ? "" : transport.substring(query);
    return transport.substring(0, colon + 1) + ptyDir.resolve(Path.of(path).getFileName()) + rest;
  }

  /** A port nobody listens on now; the emulator binds it moments later. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
