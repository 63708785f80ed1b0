package dev.bulwark.consensus.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.execution.ListRoot;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocks after an epoch-ending block in its epoch: never executed, valid only when empty. */
class EpochTailTest {
  private static final QuorumCertificate PARENT_QC = QuorumCertificate.genesis(
      1337, TestValidators.create(4, 1).validatorSet(1), Hash.of(new byte[32]));

  private static BlockHeader header(long number, long epoch) {
    return BlockHeader.builder().parentQc(PARENT_QC).round(1).number(number).epoch(epoch)
        .timestampMillis(1_000 + number)
        .gasLimit(30_000_000).baseFeePerGas(BigInteger.TEN)
        .stateRoot(Hash.of(new byte[32])).build();
  }

  @Test
  void onlyBlocksPastTheirEpochsLastNumberAreTail() {
    assertThat(EpochTail.isTail(header(10, 1), 10)).isFalse(); // ends epoch 1
    assertThat(EpochTail.isTail(header(11, 1), 10)).isTrue();
    assertThat(EpochTail.isTail(header(11, 2), 10)).isFalse(); // first block of epoch 2
    assertThat(EpochTail.isTail(header(1, 1), 10)).isFalse();
  }

  @Test
  void anEmptyTailBlockKeepsTheParentsStateAndAnyContentMakesItInvalid() {
    BlockHeader parent = header(10, 1);
    Block empty = new Block(header(11, 1), List.of(), List.of());
    ExecutionResult r = EpochTail.execute(empty, parent).orElseThrow();
    assertThat(r.stateRoot()).isEqualTo(parent.stateRoot());
    assertThat(r.transactionsRoot()).isEqualTo(ListRoot.EMPTY);
    assertThat(r.gasUsed()).isZero();
    assertThat(r.baseFeePerGas()).isEqualTo(parent.baseFeePerGas());

    Block carrying = new Block(header(11, 1), List.of(Bytes.fromHex("0x01")), List.of());
    assertThat(EpochTail.execute(carrying, parent)).isEmpty();
  }
}
