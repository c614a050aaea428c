package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlWriterTest {

  @TempDir Path folder;

  private static Scenario scenario(String name) {
    return new Scenario(
        name,
        Path.of(name + ".yaml"),
        "",
        true,
        "emulated",
        Map.of(),
        "demo",
        null,
        60,
        List.of(new Injection(2, null, Injection.ProcessFault.KILL_CONTROLLER)),
        List.of(),
        List.of());
  }

  @Test
  void shouldWriteOneTestcasePerScenarioWithTheMeasuredValueAndTheLimitOfAFailure()
      throws IOException {
    ScenarioResult passed =
        new ScenarioResult(
            scenario("estop-open"),
            null,
            List.of(new ExpectationResult("exit code 3", true, "exit code 3", "= 3")),
            Map.of(),
            folder,
            null,
            20);
    ScenarioResult failed =
        new ScenarioResult(
            scenario("controller-sigkill"),
            null,
            List.of(
                new ExpectationResult(
                    "drive watchdog trips within 550 ms", false, "after 612 ms", "≤ 550 ms")),
            Map.of("injection → drive watchdog trip", 612.0),
            folder,
            null,
            25);
    ScenarioResult broken =
        new ScenarioResult(
            scenario("hang"), "the controller did not end", List.of(), Map.of(), folder, null, 60);
    Path xml = folder.resolve("junit.xml");

    JUnitXmlWriter.write(List.of(passed, failed, broken), xml);

    String text = Files.readString(xml);
    assertThat(text)
        .contains("<testsuite name=\"gaitctl hil\" tests=\"3\" failures=\"1\" errors=\"1\"")
        .contains("<testcase classname=\"hil\" name=\"estop-open\"")
        .contains(
            "<failure message=\"drive watchdog trips within 550 ms: measured after 612 ms, limit ≤ 550 ms\">")
        .contains("<error message=\"the controller did not end\"/>");
    assertThat(text.split("<testcase ", -1)).hasSize(4);
  }
}
