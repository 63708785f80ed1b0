package dev.bulwark.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WitnessTest {
  private static final Hash A = Hash.of(filled(1));
  private static final Hash B = Hash.of(filled(2));

  @Test
  void chainWitnessNotesDifferentHashesAtOneHeight() {
    ChainWitness w = new ChainWitness();
    w.saw("n0", 5, A.toHex());
    w.saw("n0", 5, A.toHex());
    w.saw("n1", 5, A.toHex().toUpperCase().replace("0X", "0x"));
    w.saw("n1", 6, B.toHex());
    assertThat(w.conflicts()).isEmpty();
    assertThat(w.agreements()).isEqualTo(1);
    w.saw("n2", 6, A.toHex());
    assertThat(w.conflicts()).singleElement().asString().contains("height 6", "n1", "n2");
  }

  @Test
  void voteWitnessNotesASecondVoteForOneRound() {
    VoteWitness w = new VoteWitness();
    w.saw("v0", voted(7, A));
    w.saw("v0", voted(7, A)); // the same vote again, as re-sent after a restart
    w.saw("v1", voted(7, B)); // another validator
    assertThat(w.conflicts()).isEmpty();
    assertThat(w.distinctMessages()).isEqualTo(2);
    w.saw("v0", voted(7, B));
    assertThat(w.conflicts()).singleElement().asString().contains("v0 vote epoch 0 round 7");
  }

  @Test
  void safetyDataIsConsistentOnlyWhenTheLastVotedRoundIsTheLastMessage() {
    assertThat(VoteWitness.inconsistency(SafetyData.initial(0))).isEmpty();
    assertThat(VoteWitness.inconsistency(voted(7, A))).isEmpty();
    SafetyData ahead = new SafetyData(0, 9, 0, 0, 0, 0, voted(7, A).lastVote(), Optional.empty());
    assertThat(VoteWitness.inconsistency(ahead)).get().asString().contains("lastVotedRound 9", "round 7");
  }

  private static SafetyData voted(long round, Hash block) {
    VoteMessage vote = new VoteMessage(new VoteData(1337, 0, round, block, Hash.ZERO, round - 1),
        Address.of(new byte[Address.SIZE]), BlsSignature.INFINITY);
    return new SafetyData(0, round, 0, 0, 0, 0, Optional.of(vote), Optional.empty());
  }

  private static byte[] filled(int b) {
    byte[] bytes = new byte[Hash.SIZE];
    java.util.Arrays.fill(bytes, (byte) b);
    return bytes;
  }
}
