package dev.bulwark.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.p2p.scoring.Offence;
import org.junit.jupiter.api.Test;

/** What honest peers can cause costs them nothing; forged or broken messages cost score. */
class PenaltyMappingTest {
  @Test
  void honestSideEffectsAreFreeAndInvalidMessagesArePenalised() {
    assertThat(ConsensusVerticle.offence(PenaltyReason.WRONG_EPOCH)).isEmpty();
    assertThat(ConsensusVerticle.offence(PenaltyReason.UNREQUESTED)).isEmpty();
    assertThat(ConsensusVerticle.offence(PenaltyReason.TOO_FAR_IN_FUTURE)).isEmpty();
    assertThat(ConsensusVerticle.offence(PenaltyReason.BAD_SIGNATURE)).contains(Offence.INVALID_SIGNATURE);
    assertThat(ConsensusVerticle.offence(PenaltyReason.INVALID_CERTIFICATE)).contains(Offence.INVALID_SIGNATURE);
    for (PenaltyReason r : new PenaltyReason[] {PenaltyReason.MALFORMED, PenaltyReason.NOT_A_VALIDATOR,
        PenaltyReason.WRONG_LEADER, PenaltyReason.INVALID_BLOCK}) {
      assertThat(ConsensusVerticle.offence(r)).as(r.name()).contains(Offence.DECODE_FAILURE);
    }
  }
}
