package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {
  private static final long CHAIN = 1;
  private final TestValidators vals = TestValidators.create(4, 8);
  private final ValidatorSet set = vals.validatorSet(1);

  private final BlockHeader genesis = BlockHeader.builder()
      .number(0).gasLimit(30_000_000).baseFeePerGas(BigInteger.valueOf(1_000_000_000))
      .timestampMillis(1_700_000_000_000L).build();
  private final QuorumCertificate rootQc = QuorumCertificate.genesis(CHAIN, set, genesis.hash());

  private BlockHeader.Builder child() {
    return genesis.toBuilder().number(1).epoch(1).round(1).parentQc(rootQc);
  }

  @Test
  void hashIsKeccakOfTheEncodingAndStable() {
    BlockHeader h = child().build();
    assertThat(h.hash()).isEqualTo(Keccak.hash(BlockCodec.encode(h)));
    assertThat(h.hash()).isSameAs(h.hash());
    assertThat(child().timestampMillis(1).build().hash()).isNotEqualTo(h.hash());
    assertThat(child().build()).isEqualTo(h).hasSameHashCodeAs(h);
  }

  @Test
  void onlyTheGenesisHeaderLacksAParentQc() {
    assertThat(genesis.parentQc()).isEmpty();
    assertThatThrownBy(() -> child().parentQc(Optional.empty()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("genesis");
    assertThatThrownBy(() -> child().number(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parentQcMustCertifyTheParentAtALowerRound() {
    assertThatThrownBy(() -> child().parentHash(BlockIds.of("other")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certifies");
    BlockHeader b1 = child().build();
    QuorumCertificate qc1 =
        vals.qcByAll(new VoteData(CHAIN, 1, 1, b1.hash(), genesis.hash(), 0));
    assertThat(b1.toBuilder().number(2).round(2).parentQc(qc1).build().parentHash())
        .isEqualTo(b1.hash());
    assertThatThrownBy(() -> b1.toBuilder().number(2).round(1).parentQc(qc1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below");
  }

  @Test
  void skippedRoundsLieStrictlyBetweenTheParentRoundAndTheRound() {
    BlockHeader.Builder b = child().round(6);
    assertThat(b.skippedRounds(List.of(1L, 3L, 5L)).build().skippedRounds())
        .containsExactly(1L, 3L, 5L);
    for (List<Long> bad : List.of(List.of(0L), List.of(6L), List.of(3L, 3L), List.of(4L, 2L))) {
      assertThatThrownBy(() -> child().round(6).skippedRounds(bad).build())
          .as("skipped %s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void gasAndFeeBoundsAreChecked() {
    assertThatThrownBy(() -> child().gasLimit(10).gasUsed(11).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> child().baseFeePerGas(BigInteger.ONE.negate()).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> child().baseFeePerGas(BigInteger.ONE.shiftLeft(256)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blockHashIsTheHeaderHashAndTransactionsHashTheirRawBytes() {
    Bytes tx = Bytes.fromHex("0x02f86c0180");
    Block block = new Block(child().build(), List.of(tx), List.of());
    assertThat(block.hash()).isEqualTo(block.header().hash());
    assertThat(block.transactionHashes()).containsExactly(Keccak.hash(tx));
    assertThatThrownBy(() -> new Block(child().build(), List.of(Bytes.EMPTY), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBlockIncludesEachOffenceOnce() {
    VoteData a = new VoteData(CHAIN, 1, 3, BlockIds.of("A"), BlockIds.of("P"), 2);
    VoteData b = new VoteData(CHAIN, 1, 3, BlockIds.of("B"), BlockIds.of("P"), 2);
    VoteData c = new VoteData(CHAIN, 1, 3, BlockIds.of("C"), BlockIds.of("P"), 2);
    Evidence ab = vals.equivocation(0, a, b);
    Evidence ac = vals.equivocation(0, a, c);
    assertThatThrownBy(() -> new Block(child().build(), List.of(), List.of(ab, ac)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }
}
