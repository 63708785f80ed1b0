package dev.bulwark.node.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyStorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSafetyStorageTest {
  @TempDir Path dir;

  private static SafetyData sample() {
    return new SafetyData(3, 17, 15, 16, 12, 9, Optional.empty(), Optional.empty());
  }

  @Test
  void aNewDirectoryStartsFromNothingSigned() {
    assertThat(new FileSafetyStorage(dir.resolve("fresh")).load()).isEqualTo(SafetyData.initial(0));
  }

  @Test
  void savedDataSurvivesANewInstance() {
    new FileSafetyStorage(dir).save(sample());

    assertThat(new FileSafetyStorage(dir).load()).isEqualTo(sample());
    assertThat(dir.resolve(FileSafetyStorage.FILE_NAME + ".tmp")).doesNotExist();
  }

  @Test
  void everySingleBitFlipIsDetected() throws Exception {
    FileSafetyStorage s = new FileSafetyStorage(dir);
    s.save(sample());
    byte[] good = Files.readAllBytes(s.file());
    for (int i = 0; i < good.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) (1 << bit);
        Files.write(s.file(), bad);
        assertThatThrownBy(s::load)
            .as("byte %d bit %d", i, bit)
            .isInstanceOf(SafetyStorageException.class)
            .hasMessageContaining("corrupt");
      }
    }
  }

  @Test
  void truncatedAndEmptyFilesFailLoudly() throws Exception {
    FileSafetyStorage s = new FileSafetyStorage(dir);
    s.save(sample());
    byte[] good = Files.readAllBytes(s.file());

    Files.write(s.file(), java.util.Arrays.copyOf(good, good.length - 1));
    assertThatThrownBy(s::load).isInstanceOf(SafetyStorageException.class);
    Files.write(s.file(), new byte[0]);
    assertThatThrownBy(s::load).isInstanceOf(SafetyStorageException.class);
  }

  @Test
  void aLeftoverTemporaryFileFromACrashIsIgnored() throws Exception {
    FileSafetyStorage s = new FileSafetyStorage(dir);
    s.save(sample());
    Files.write(dir.resolve(FileSafetyStorage.FILE_NAME + ".tmp"), new byte[] {1, 2, 3});

    assertThat(s.load()).isEqualTo(sample());
    s.save(SafetyData.initial(4));
    assertThat(s.load()).isEqualTo(SafetyData.initial(4));
  }
}
