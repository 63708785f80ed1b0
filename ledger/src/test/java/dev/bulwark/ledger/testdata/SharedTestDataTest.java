package dev.bulwark.ledger.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharedTestDataTest {
  private String original;

  @BeforeEach
  void remember() {
    original = System.getProperty(SharedTestData.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (original == null) {
      System.clearProperty(SharedTestData.PROPERTY);
    } else {
      System.setProperty(SharedTestData.PROPERTY, original);
    }
  }

  @Test
  void findsTheVectorsThroughTheProperty() {
    assertThat(SharedTestData.path("ethereum-tests/TransactionTests")).isDirectory();
  }

  @Test
  void failsWithoutTheProperty() {
    System.clearProperty(SharedTestData.PROPERTY);
    assertThatThrownBy(SharedTestData::root)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SharedTestData.PROPERTY);
  }

  @Test
  void failsForAMissingDirectoryOrFile() {
    assertThatThrownBy(() -> SharedTestData.path("no-such-suite"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-suite");
    System.setProperty(SharedTestData.PROPERTY, "/nonexistent/bulwark-shared");
    assertThatThrownBy(SharedTestData::root)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/bulwark-shared");
  }
}
