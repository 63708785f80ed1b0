package dev.bulwark.ledger.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolValuesTest {
  @Test
  void configDefaultsAndBounds() {
    MempoolConfig defaults = MempoolConfig.defaults();
    assertThat(defaults).isEqualTo(new MempoolConfig(20_000, 64, 131_072, 10));
    assertThat(defaults.withMaxSize(5).maxSize()).isEqualTo(5);
    assertThat(defaults.withMaxPerSender(3).maxPerSender()).isEqualTo(3);
    assertThatThrownBy(() -> new MempoolConfig(0, 64, 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MempoolConfig(1, 0, 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MempoolConfig(1, 1, 0, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MempoolConfig(1, 1, 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headValidationAndNext() {
    FakeState state = new FakeState();
    assertThatThrownBy(() -> new PoolHead(null, BigInteger.ONE, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PoolHead(state, BigInteger.ONE.negate(), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PoolHead(state, BigInteger.ONE, 0))
        .isInstanceOf(IllegalArgumentException.class);
    FakeState later = state.copy();
    PoolHead next = new PoolHead(state, BigInteger.ONE, 7).next(later, BigInteger.TWO);
    assertThat(next).isEqualTo(new PoolHead(later, BigInteger.TWO, 7));
  }

  @Test
  void originsTellLocalFromPeers() {
    Bytes peer = Bytes.fromHex("0a0b");
    assertThat(TxOrigin.LOCAL.isLocal()).isTrue();
    assertThat(TxOrigin.LOCAL.isFrom(peer)).isFalse();
    TxOrigin fromPeer = TxOrigin.fromPeer(peer);
    assertThat(fromPeer.isLocal()).isFalse();
    assertThat(fromPeer.isFrom(peer)).isTrue();
    assertThat(fromPeer.isFrom(Bytes.fromHex("0a0c"))).isFalse();
    assertThat(fromPeer.peer()).isEqualTo(Optional.of(peer));
    assertThatThrownBy(() -> new TxOrigin(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
