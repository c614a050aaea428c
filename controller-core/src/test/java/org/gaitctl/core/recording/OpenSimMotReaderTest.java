package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On files laid out like the OpenSim example models' force files. */
class OpenSimMotReaderTest {

  private static final String HEADER = "walk_grf.mot\nversion=1\nnRows=3\nnColumns=13\nendheader\n";
  private static final String UNSIDED_COLUMNS =
      "time\tground_force_vx\tground_force_vy\tground_force_vz\tground_force_px\tground_force_py"
          + "\tground_force_pz\t1_ground_force_vx\t1_ground_force_vy\t1_ground_force_vz"
          + "\t1_ground_force_px\t1_ground_force_py\t1_ground_force_pz\n";
  private static final String ROWS =
      "0\t1\t700\t2\t0.30\t0\t0.1\t0\t5\t0\t0.9\t0\t-0.1\n"
          + "0.0017\t1\t650\t2\t0.31\t0\t0.1\t0\t60\t0\t0.9\t0\t-0.1\n"
          + "0.0033\t1\t600\t2\t0.32\t0\t0.1\t0\t120\t0\t0.9\t0\t-0.1\n";
  private static final String EXTERNAL_LOADS =
      "<OpenSimDocument Version=\"20302\"><ExternalLoads name=\"x\"><objects>"
          + "<ExternalForce name=\"right\"><applied_to_body> calcn_r </applied_to_body>"
          + "<force_identifier> ground_force_v </force_identifier></ExternalForce>"
          + "<ExternalForce name=\"left\"><applied_to_body> calcn_l </applied_to_body>"
          + "<force_identifier> 1_ground_force_v </force_identifier></ExternalForce>"
          + "</objects></ExternalLoads></OpenSimDocument>";

  @TempDir Path dir;

  @Test
  void shouldTakeFeetFromTheExternalLoadsFileAndCopFromPx() throws IOException {
    Path mot = Files.writeString(dir.resolve("walk_grf.mot"), HEADER + UNSIDED_COLUMNS + ROWS);
    Files.writeString(dir.resolve("walk_grf.xml"), EXTERNAL_LOADS);

    ForceRecording recording = RecordingReaders.read(mot);

    assertThat(recording.timeS()).containsExactly(0, 0.0017, 0.0033);
    assertThat(recording.rightFz()).containsExactly(700, 650, 600);
    assertThat(recording.leftFz()).containsExactly(5, 60, 120);
    assertThat(recording.rightCopApM()).containsExactly(0.30, 0.31, 0.32);
    assertThat(recording.leftCopApM()).containsExactly(0.9, 0.9, 0.9);
    assertThat(recording.isNewtons()).isTrue();
  }

  @Test
  void shouldTakeFeetFromSidedColumnNamesWithoutXml() throws IOException {
    String columns =
        UNSIDED_COLUMNS
            .replace("\tground_force_", "\tground_force_r_")
            .replace("1_ground_force_", "ground_force_l_");
    Path mot = Files.writeString(dir.resolve("sided.mot"), HEADER + columns + ROWS);

    ForceRecording recording = OpenSimMotReader.read(mot);

    assertThat(recording.rightFz()).containsExactly(700, 650, 600);
    assertThat(recording.leftFz()).containsExactly(5, 60, 120);
  }

  @Test
  void shouldRejectForcesWhoseFootIsUnknown() throws IOException {
    Path mot = Files.writeString(dir.resolve("run.mot"), HEADER + UNSIDED_COLUMNS + ROWS);

    assertThatThrownBy(() -> OpenSimMotReader.read(mot))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(
            "run.mot:6: force column names do not say the foot and there is no ExternalLoads file"
                + " run.xml");
  }

  @Test
  void shouldRejectMissingEndHeaderAndBadCells() throws IOException {
    Path noHeader = Files.writeString(dir.resolve("a.mot"), UNSIDED_COLUMNS + ROWS);
    Path badCell =
        Files.writeString(
            dir.resolve("b.mot"), HEADER + UNSIDED_COLUMNS + ROWS.replace("650", "x"));
    Files.writeString(dir.resolve("b.xml"), EXTERNAL_LOADS);

    assertThatThrownBy(() -> OpenSimMotReader.read(noHeader))
        .hasMessage("a.mot:1: no 'endheader' line followed by column names and rows");
    assertThatThrownBy(() -> OpenSimMotReader.read(badCell))
        .hasMessage("b.mot:8: ground_force_vy: not a number 'x'");
  }
}
