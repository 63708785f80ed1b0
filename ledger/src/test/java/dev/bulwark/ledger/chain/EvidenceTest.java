package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.VerificationException.Fault;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  private static final long CHAIN = 5;
  private final TestValidators vals = TestValidators.create(4, 17);
  private final TestValidator offender = vals.get(2);
  private final BlsPublicKey key = offender.bls().publicKey();

  private final VoteData voteA = new VoteData(CHAIN, 3, 20, BlockIds.of("A"), BlockIds.of("P"), 19);
  private final VoteData voteB = new VoteData(CHAIN, 3, 20, BlockIds.of("B"), BlockIds.of("P"), 19);

  private static Fault faultOf(Evidence e, BlsPublicKey key, long chainId) {
    try {
      e.verify(key, chainId);
      return null;
    } catch (VerificationException ex) {
      return ex.fault();
    }
  }

  @Test
  void everyKindOfEquivocationVerifies() {
    List<SigningData[]> pairs = List.of(
        new SigningData[] {voteA, voteB},
        new SigningData[] {new ProposalData(CHAIN, 3, 20, BlockIds.of("A")),
            new ProposalData(CHAIN, 3, 20, BlockIds.of("B"))},
        new SigningData[] {new TimeoutData(CHAIN, 3, 20, 18), new TimeoutData(CHAIN, 3, 20, 19)});
    for (SigningData[] p : pairs) {
      Evidence e = vals.equivocation(2, p[0], p[1]);
      assertThat(e.kind()).isEqualTo(p[0].kind());
      assertThat(e.validator()).isEqualTo(offender.address());
      assertThat(e.chainId()).isEqualTo(CHAIN);
      assertThatCode(() -> e.verify(key, CHAIN)).doesNotThrowAnyException();
    }
  }

  @Test
  void pairOrderIsCanonicalSoTheOffenceHasOneEncodingAndId() {
    Evidence ab = vals.equivocation(2, voteA, voteB);
    Evidence ba = vals.equivocation(2, voteB, voteA);
    assertThat(ab).isEqualTo(ba);
    assertThat(EvidenceCodec.encode(ab)).isEqualTo(EvidenceCodec.encode(ba));
    assertThat(ab.bytesA().compareTo(ab.bytesB())).isNegative();
    // another conflicting pair for the same slot is the same offence
    VoteData voteC = new VoteData(CHAIN, 3, 20, BlockIds.of("C"), BlockIds.of("P"), 19);
    assertThat(vals.equivocation(2, voteA, voteC).id()).isEqualTo(ab.id());
    // another round, kind or validator is another offence
    VoteData nextA = new VoteData(CHAIN, 3, 21, BlockIds.of("A"), BlockIds.of("P"), 19);
    VoteData nextB = new VoteData(CHAIN, 3, 21, BlockIds.of("B"), BlockIds.of("P"), 19);
    assertThat(vals.equivocation(2, nextA, nextB).id()).isNotEqualTo(ab.id());
    assertThat(vals.equivocation(1, voteA, voteB).id()).isNotEqualTo(ab.id());
  }

  @Test
  void identicalMessagesAreNoEvidence() {
    assertThatThrownBy(() -> vals.equivocation(2, voteA, voteA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
  }

  @Test
  void messagesOfDifferentRoundsEpochsOrChainsAreNoEvidence() {
    VoteData otherRound = new VoteData(CHAIN, 3, 21, BlockIds.of("B"), BlockIds.of("P"), 19);
    assertThatThrownBy(() -> vals.equivocation(2, voteA, otherRound))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("round");
    VoteData otherEpoch = new VoteData(CHAIN, 4, 20, BlockIds.of("B"), BlockIds.of("P"), 19);
    assertThatThrownBy(() -> vals.equivocation(2, voteA, otherEpoch))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch");
    VoteData otherChain = new VoteData(CHAIN + 1, 3, 20, BlockIds.of("B"), BlockIds.of("P"), 19);
    assertThatThrownBy(() -> vals.equivocation(2, voteA, otherChain))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chains");
    TimeoutData timeout = new TimeoutData(CHAIN, 3, 20, 19);
    assertThatThrownBy(() -> vals.equivocation(2, voteA, timeout))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kinds");
  }

  @Test
  void decodedEvidenceWithADifferentRoundIsRejected() {
    Evidence good = vals.equivocation(2, voteA, voteB);
    List<RlpItem> fields = new ArrayList<>(((RlpItem.Lst) EvidenceCodec.rlp(good)).items());
    fields.set(2, Rlp.uint(21)); // declared round no longer matches the messages
    byte[] bytes = Rlp.encode(Rlp.list(fields));
    assertThatThrownBy(() -> EvidenceCodec.decode(bytes))
        .isInstanceOf(DecodeException.class).hasMessageContaining("round");
  }

  @Test
  void badSignatureWrongKeyOrWrongChainFails() {
    Evidence good = vals.equivocation(2, voteA, voteB);
    Evidence badSig = new Evidence(good.kind(), good.epoch(), good.round(), good.validator(),
        good.bytesA(), good.sigB(), good.bytesB(), good.sigB());
    assertThat(faultOf(badSig, key, CHAIN)).isEqualTo(Fault.BAD_SIGNATURE);
    assertThat(faultOf(good, vals.get(1).bls().publicKey(), CHAIN)).isEqualTo(Fault.BAD_SIGNATURE);
    assertThat(faultOf(good, key, CHAIN + 1)).isEqualTo(Fault.WRONG_CHAIN);
    assertThat(faultOf(good, key, CHAIN)).isNull();
  }

  @Test
  void bytesOfAnotherKindAreRejected() {
    Evidence good = vals.equivocation(2, voteA, voteB);
    assertThatThrownBy(() -> new Evidence(EvidenceKind.PROPOSAL, 3, 20, good.validator(),
        good.bytesA(), good.sigA(), good.bytesB(), good.sigB()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proposal");
  }
}
