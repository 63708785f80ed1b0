package dev.bulwark.ledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backend is chosen once per JVM, so the system property is checked in fresh child JVMs. */
class RecoveryBackendSwitchTest {
  @Test
  void nativeByDefault() throws Exception {
    assertThat(backendInChildJvm()).isEqualTo("libsecp256k1");
  }

  @Test
  void propertyForcesBouncyCastle() throws Exception {
    assertThat(backendInChildJvm("-D" + Secp256k1.BACKEND_PROPERTY + "=bc"))
        .isEqualTo("BouncyCastle");
  }

  private static String backendInChildJvm(String... jvmFlags)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.addAll(List.of(jvmFlags));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RecoveryBackendChild.class.getName());
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM exited").isTrue();
      assertThat(child.exitValue()).isZero();
      return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } finally {
      child.destroyForcibly();
    }
  }
}
