package org.gaitctl.hil;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One hardware-in-the-loop scenario as read from its YAML file (format: docs/HIL.md).
 *
 * @param name the scenario's name (the file name without {@code .yaml} unless given)
 * @param file the scenario file
 * @param description one line for the listing
 * @param fast whether it belongs to the fast subset (the build's integration test runs those)
 * @param profile a built-in profile name ({@code emulated}) or an absolute profile file
 * @param patient settings put into the per-run profile's {@code simulation.patient}, by key
 * @param protocol a library name or an absolute protocol file
 * @param stopAfterS seconds after the belt reached the first stage at which the session gets SIGINT
 *     (the operator's Ctrl-C), or {@code null}: the session ends by itself
 * @param timeoutS the longest the session may take from its start before the runner ends it and
 *     counts a hang
 * @param injections the timed faults, in file order
 * @param expectations what must hold, in file order
 * @param alternative a second acceptable outcome ({@code orExpect}): the run passes when all of
 *     {@code expectations} or all of these hold; empty when there is only one outcome
 */
public record Scenario(
    String name,
    Path file,
    String description,
    boolean fast,
    String profile,
    Map<String, Object> patient,
    String protocol,
    Double stopAfterS,
    double timeoutS,
    List<Injection> injections,
    List<Expectation> expectations,
    List<Expectation> alternative) {

  public Scenario {
    patient = Map.copyOf(patient);
    injections = List.copyOf(injections);
    expectations = List.copyOf(expectations);
    alternative = List.copyOf(alternative);
  }

  /** The first injection, which expectations measure from, or {@code null}. */
  public Injection firstInjection() {
    return injections.isEmpty() ? null : injections.get(0);
  }
}
