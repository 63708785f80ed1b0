package dev.bulwark.consensus.env;

import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.round.PenaltyReason;

/** The transport's peer scoring, as far as consensus can judge a peer. */
public interface PeerPenalties {
  /** {@code peer} sent something invalid for {@code reason}. */
  void penalise(PeerId peer, PenaltyReason reason, String detail);
}
