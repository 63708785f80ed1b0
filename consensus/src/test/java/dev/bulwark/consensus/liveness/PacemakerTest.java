package dev.bulwark.consensus.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacemakerTest {
  @Test
  void backsOffByHalfPerConsecutiveTimeoutUpToTheCap() {
    Pacemaker p = new Pacemaker(TimeoutPolicy.DEFAULT, 1);
    assertThat(p.start(0)).isEqualTo(1000);
    long[] expected = {1500, 2250, 3375, 5062, 7593, 8000, 8000};
    for (int i = 0; i < expected.length; i++) {
      assertThat(p.onTimeoutCertificate(i + 1, 0)).hasValue(expected[i]);
      assertThat(p.round()).isEqualTo(i + 2);
    }
    assertThat(p.consecutiveTimeouts()).isEqualTo(7);
  }

  @Test
  void aQuorumCertificateResetsTheBackoff() {
    Pacemaker p = new Pacemaker(TimeoutPolicy.DEFAULT, 1);
    p.onTimeoutCertificate(1, 0);
    p.onTimeoutCertificate(2, 0);

    assertThat(p.onQuorumCertificate(3, 500)).hasValue(1500);
    assertThat(p.round()).isEqualTo(4);
    assertThat(p.consecutiveTimeouts()).isZero();
  }

  @Test
  void ignoresCertificatesThatDoNotMoveTheRound() {
    Pacemaker p = new Pacemaker(TimeoutPolicy.DEFAULT, 5);

    assertThat(p.onQuorumCertificate(3, 0)).isEmpty();
    assertThat(p.onTimeoutCertificate(4, 0)).isEmpty();
    assertThat(p.round()).isEqualTo(5);
    assertThat(p.onQuorumCertificate(9, 0)).isPresent();
    assertThat(p.round()).isEqualTo(10);
  }

  @Test
  void rearmingKeepsTheRoundAndItsTimeout() {
    Pacemaker p = new Pacemaker(TimeoutPolicy.DEFAULT, 1);
    p.onTimeoutCertificate(1, 0);

    assertThat(p.rearm(10_000)).isEqualTo(11_500);
    assertThat(p.round()).isEqualTo(2);
    assertThat(p.deadline()).isEqualTo(11_500);
  }
}
