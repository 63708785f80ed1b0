package dev.bulwark.ledger.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EpochsTest {
  @Test
  void genesisEndsEpochZeroAndBlockKTimesNEndsEpochK() {
    assertThat(Epochs.epochOf(0, 10)).isZero();
    assertThat(Epochs.endsEpoch(0, 10)).isTrue();
    assertThat(Epochs.epochOf(1, 10)).isEqualTo(1);
    assertThat(Epochs.epochOf(10, 10)).isEqualTo(1);
    assertThat(Epochs.endsEpoch(10, 10)).isTrue();
    assertThat(Epochs.endsEpoch(9, 10)).isFalse();
    assertThat(Epochs.epochOf(11, 10)).isEqualTo(2);
    assertThat(Epochs.lastBlockOf(3, 10)).isEqualTo(30);
    assertThat(Epochs.epochOf(Epochs.lastBlockOf(3, 10), 10)).isEqualTo(3);
    assertThat(Epochs.epochOf(5, 1)).isEqualTo(5);
    assertThatThrownBy(() -> Epochs.epochOf(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Epochs.epochOf(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
