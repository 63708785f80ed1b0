package dev.bulwark.consensus.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PendingTimeoutsTest {
  private final ChainFixture chain = new ChainFixture(7, 41, 0);
  private final Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
  private final QuorumCertificate qc1 = chain.qc(b1);

  private TimeoutMessage timeout(int i, QuorumCertificate hqc) {
    TimeoutData d = new TimeoutData(ChainFixture.CHAIN_ID, 0, 2, hqc.round());
    return new TimeoutMessage(
        d,
        chain.validators().get(i).address(),
        chain.validators().get(i).sign(d),
        hqc,
        Optional.empty());
  }

  @Test
  void signalsJoinAtFPlusOneAndFormsAVerifiableTcAtTheQuorum() throws Exception {
    PendingTimeouts timeouts = new PendingTimeouts(chain.set(), SignatureScheme.BLS);

    assertThat(timeouts.add(timeout(6, qc1), 6).joinThresholdReached()).isFalse();
    assertThat(timeouts.add(timeout(0, chain.rootQc()), 0).joinThresholdReached()).isFalse();
    TimeoutOutcome third = timeouts.add(timeout(3, qc1), 3);
    assertThat(third.joinThresholdReached()).as("3 of 7 > f = 2").isTrue();
    assertThat(timeouts.joinable(2)).isTrue();
    assertThat(timeouts.add(timeout(4, qc1), 4).joinThresholdReached()).isFalse();
    TimeoutCertificate tc = timeouts.add(timeout(1, qc1), 1).tc().orElseThrow();
    assertThat(timeouts.add(timeout(2, qc1), 2).tc()).isEmpty();

    assertThat(tc.signers().indexes()).containsExactly(0, 1, 3, 4, 6);
    assertThat(tc.highQcRounds()).containsExactly(0L, 1L, 1L, 1L, 1L);
    assertThat(tc.highestQcRound()).isEqualTo(1);
    tc.verify(ChainFixture.CHAIN_ID, chain.set(), SignatureScheme.BLS);
  }

  @Test
  void countsEachValidatorOnce() {
    PendingTimeouts timeouts = new PendingTimeouts(chain.set(), SignatureScheme.BLS);
    for (int k = 0; k < 5; k++) {
      timeouts.add(timeout(0, qc1), 0);
    }

    assertThat(timeouts.joinable(2)).isFalse();
    assertThat(timeouts.has(2, 0)).isTrue();
    assertThat(timeouts.has(2, 1)).isFalse();
  }
}
