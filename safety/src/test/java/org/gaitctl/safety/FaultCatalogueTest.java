package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue itself, and its traceability to docs/SAFETY.md and to the tests. */
class FaultCatalogueTest {

  private static final Path SAFETY_DOC = Path.of("..", "docs", "SAFETY.md");
  private static final Pattern TEST_REFERENCE = Pattern.compile("`(\\w+Test)#(\\w+)`");

  @Test
  void shouldNumberTheCodesInPriorityOrder() {
    FaultCode[] codes = FaultCode.values();
    for (int i = 0; i < codes.length; i++) {
      assertThat(codes[i].id()).isEqualTo(String.format("F%02d", i + 1));
      assertThat(codes[i].description()).isNotBlank();
      assertThat(codes[i].detection()).isNotBlank();
    }
    assertThat(codes.length).as("one bit per code in a long mask").isLessThanOrEqualTo(64);
  }

  @Test
  void shouldPickTheHighestPriorityCodeOfAMask() {
    long mask = FaultCode.DRIVE_FAULT.bit() | FaultCode.DRIVE_ESTOP_OPEN.bit();
    assertThat(FaultCode.firstIn(mask)).isEqualTo(FaultCode.DRIVE_ESTOP_OPEN);
    assertThat(FaultCode.firstIn(0)).isNull();
  }

  @Test
  void shouldQuickStopWhenAnyFaultOfTheMaskAsksForIt() {
    long mixed = FaultCode.OPERATOR_STOP.bit() | FaultCode.BELT_OVERSPEED.bit();
    assertThat(FaultCode.reactionFor(mixed)).isEqualTo(Reaction.QUICK_STOP);
    assertThat(FaultCode.reactionFor(FaultCode.OPERATOR_STOP.bit()))
        .isEqualTo(Reaction.CONTROLLED_STOP);
  }

  @Test
  void shouldKeepOnlyLastingConditionsForAcknowledgement() {
    long mask = FaultCode.PATIENT_FALL.bit() | FaultCode.HARNESS_OVERLOAD.bit();
    assertThat(FaultCode.conditionsIn(mask)).isEqualTo(FaultCode.HARNESS_OVERLOAD.bit());
    assertThat(FaultCode.describe(mask))
        .isEqualTo("F04 fall sign: sudden rise of harness load; F05 harness overload");
  }

  @Test
  void shouldDocumentEveryCodeWithATestThatExists() throws IOException {
    List<String> rows =
        Files.readAllLines(SAFETY_DOC).stream().filter(line -> line.startsWith("| F")).toList();
    for (FaultCode code : FaultCode.values()) {
      String prefix = "| " + code.id() + " | `" + code.name() + "` |";
      List<String> matching = rows.stream().filter(row -> row.startsWith(prefix)).toList();
      assertThat(matching).as("row for %s in %s", code, SAFETY_DOC).hasSize(1);
      String row = matching.get(0);
      assertThat(row).as("reaction of %s", code).contains(reactionText(code.reaction()));
      Matcher test = TEST_REFERENCE.matcher(row);
      assertThat(test.find()).as("test named for %s", code).isTrue();
      assertThatCode(
              () ->
                  Class.forName("org.gaitctl.safety." + test.group(1))
                      .getDeclaredMethod(test.group(2)))
          .as("test %s#%s for %s", test.group(1), test.group(2), code)
          .doesNotThrowAnyException();
    }
    assertThat(rows).hasSize(FaultCode.values().length);
  }

  private static String reactionText(Reaction reaction) {
    return reaction == Reaction.QUICK_STOP ? "| quick stop |" : "| controlled stop |";
  }
}
