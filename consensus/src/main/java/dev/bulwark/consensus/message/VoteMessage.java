package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;

/** A validator's signed vote for one block, sent to the leader of the next round. */
public record VoteMessage(VoteData vote, Address author, BlsSignature signature)
    implements EpochMessage {
  public VoteMessage {
    Checks.present(vote, "vote data");
    Checks.present(author, "author");
    Checks.present(signature, "signature");
    if (vote.round() == 0) {
      throw new IllegalArgumentException("round 0 is the unsigned epoch root; nobody votes for it");
    }
  }

  @Override
  public long epoch() {
    return vote.epoch();
  }

  @Override
  public long round() {
    return vote.round();
  }
}
