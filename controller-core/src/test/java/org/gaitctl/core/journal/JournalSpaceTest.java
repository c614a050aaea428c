package org.gaitctl.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSpaceTest {

  @TempDir Path dir;

  @Test
  void shouldCreateAWritableFolderAndFindRoomForASmallSession() {
    Path folder = dir.resolve("sessions").resolve("s1");

    assertThat(JournalSpace.unwritable(folder)).isNull();
    assertThat(Files.isDirectory(folder)).isTrue();
    assertThat(JournalSpace.tooLittleSpace(folder, 1_000)).isNull();
  }

  @Test
  void shouldRefuseAFolderThatIsAFileNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

    assertThat(JournalSpace.unwritable(file.resolve("s1")))
        .startsWith("the journal folder " + file.resolve("s1").toAbsolutePath())
        .contains("cannot be written");
  }

  @Test
  void shouldRefuseWhenTheFileSystemHasLessRoomThanTheSessionNeeds() {
    assertThat(JournalSpace.tooLittleSpace(dir, Long.MAX_VALUE))
        .startsWith("only ")
        .contains("MB free for the session journal in " + dir.toAbsolutePath());
  }

  @Test
  void shouldAssumeThirtyMinutesWhenTheSessionHasNoUpperBound() {
    assertThat(JournalSpace.expectedBytes(Double.POSITIVE_INFINITY, true))
        .isEqualTo((long) (1.5 * 1800 * JournalSpace.BYTES_PER_SECOND_RAW_FRAMES));
    assertThat(JournalSpace.expectedBytes(600, false))
        .isEqualTo((long) (1.5 * 600 * JournalSpace.BYTES_PER_SECOND_NO_RAW_FRAMES));
  }
}
