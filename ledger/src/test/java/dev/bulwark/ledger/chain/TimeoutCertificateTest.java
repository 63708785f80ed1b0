package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.VerificationException.Fault;
import dev.bulwark.ledger.testkit.TestValidators;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutCertificateTest {
  private static final long CHAIN = 7;
  private final TestValidators vals = TestValidators.create(4, 21);
  private final ValidatorSet set = vals.validatorSet(2);

  private TimeoutCertificate tc(int[] signers, long[] highQcRounds) {
    return vals.tc(CHAIN, 2, 12, signers, highQcRounds);
  }

  private static Fault faultOf(TimeoutCertificate tc, ValidatorSet set) {
    try {
      tc.verify(set);
      return null;
    } catch (VerificationException e) {
      return e.fault();
    }
  }

  @Test
  void quorumOfTimeoutsWithDifferentHighQcRoundsVerifies() {
    TimeoutCertificate tc = tc(new int[] {0, 2, 3}, new long[] {9, 11, 10});
    assertThatCode(() -> tc.verify(CHAIN, set)).doesNotThrowAnyException();
    assertThat(tc.highestQcRound()).isEqualTo(11);
    assertThat(tc.signedTimeouts()).containsExactly(
        new TimeoutData(CHAIN, 2, 12, 9), new TimeoutData(CHAIN, 2, 12, 11),
        new TimeoutData(CHAIN, 2, 12, 10));
  }

  @Test
  void aSwappedHighQcRoundFails() {
    TimeoutCertificate tc = tc(new int[] {0, 2, 3}, new long[] {9, 11, 10});
    TimeoutCertificate claimedHigher = new TimeoutCertificate(
        CHAIN, 2, 12, List.of(9L, 11L, 11L), tc.aggregate(), tc.signers());
    assertThat(faultOf(claimedHigher, set)).isEqualTo(Fault.BAD_SIGNATURE);
    TimeoutCertificate exchanged = new TimeoutCertificate(
        CHAIN, 2, 12, List.of(11L, 9L, 10L), tc.aggregate(), tc.signers());
    assertThat(faultOf(exchanged, set)).isEqualTo(Fault.BAD_SIGNATURE);
    TimeoutCertificate otherRound = new TimeoutCertificate(
        CHAIN, 2, 13, tc.highQcRounds(), tc.aggregate(), tc.signers());
    assertThat(faultOf(otherRound, set)).isEqualTo(Fault.BAD_SIGNATURE);
  }

  @Test
  void oneValidatorShortOfQuorumFails() {
    assertThat(faultOf(tc(new int[] {1, 3}, new long[] {5, 6}), set))
        .isEqualTo(Fault.INSUFFICIENT_POWER);
  }

  @Test
  void forgedSignerBitFails() {
    TimeoutCertificate tc = tc(new int[] {0, 1, 2}, new long[] {4, 4, 4});
    TimeoutCertificate forged = new TimeoutCertificate(
        CHAIN, 2, 12, List.of(4L, 4L, 4L, 4L), tc.aggregate(), tc.signers().with(3));
    assertThat(faultOf(forged, set)).isEqualTo(Fault.BAD_SIGNATURE);
  }

  @Test
  void wrongEpochFails() {
    TimeoutCertificate tc = tc(new int[] {0, 1, 2}, new long[] {4, 4, 4});
    assertThat(faultOf(tc, vals.validatorSet(3))).isEqualTo(Fault.WRONG_EPOCH);
  }

  @Test
  void structureIsCheckedOnConstruction() {
    TimeoutCertificate tc = tc(new int[] {0, 1, 2}, new long[] {4, 4, 4});
    assertThatThrownBy(() -> new TimeoutCertificate(
        CHAIN, 2, 12, List.of(4L, 4L), tc.aggregate(), tc.signers()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one high QC round");
    assertThatThrownBy(() -> new TimeoutCertificate(
        CHAIN, 2, 12, List.of(4L, 12L, 4L), tc.aggregate(), tc.signers()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeoutCertificate(
        CHAIN, 2, 12, List.of(), tc.aggregate(), SignerBitmap.empty(4)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
