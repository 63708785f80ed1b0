package dev.bulwark.ledger.staking;

/** Why a validator was slashed and jailed; {@link #code()} is the uint8 in Slashed and Jailed logs. */
public enum SlashReason {
  /** Signed two different proposals, votes or timeouts for one round (committed evidence). */
  EQUIVOCATION(1),
  /** Failed too many of its recent leader slots. */
  INACTIVITY(2);

  private final int code;

  SlashReason(int code) {
    this.code = code;
  }

  /** The code carried in logs. */
  public int code() {
    return code;
  }
}
