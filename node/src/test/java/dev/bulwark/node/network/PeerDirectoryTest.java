package dev.bulwark.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may connect: genesis validators, the current set and configured observers, nobody else. */
class PeerDirectoryTest {
  private static Bytes key(int b) {
    byte[] k = new byte[32];
    k[0] = (byte) b;
    return Bytes.of(k);
  }

  @Test
  void admitsGenesisCurrentSetAndObserversAndResolvesAddresses() {
    Address genesisValidator = Address.fromHex("0x" + "11".repeat(20));
    PeerDirectory d = new PeerDirectory(Map.of(genesisValidator, key(1)), Set.of(key(9)));
    assertThat(d.isAllowed(key(1))).isTrue();
    assertThat(d.isAllowed(key(9))).isTrue();
    assertThat(d.isAllowed(key(5))).isFalse();
    assertThat(d.nodeKeyOf(genesisValidator)).contains(key(1));

    ValidatorSet next = TestValidators.create(4, 3).validatorSet(2);
    d.enter(next);
    next.validators().forEach(v -> {
      assertThat(d.isAllowed(v.nodePublicKey())).isTrue();
      assertThat(d.nodeKeyOf(v.address())).contains(v.nodePublicKey());
    });
    assertThat(d.isAllowed(key(1))).as("genesis validators stay allowed").isTrue();
  }

  @Test
  void consensusPeerNamesRoundTripNodeKeys() {
    assertThat(PeerDirectory.nodeKey(PeerDirectory.peerId(key(7)))).isEqualTo(key(7));
  }
}
