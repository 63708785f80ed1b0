package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.chain.VerificationException.Fault;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * Proof that {@code validator} signed two different messages of one kind for one round of one
 * epoch: honest nodes never do (DESIGN.md section 4), so this is slashable.
 *
 * <p>The constructor admits only well-formed pairs: both byte strings are signing bytes of
 * {@code kind} with the declared epoch and round and one chain id, and they are in canonical
 * order, {@code bytesA} sorting strictly before {@code bytesB} (so they differ, and one pair has
 * one encoding). {@link #verify} adds what needs outside knowledge: the chain id and the
 * offender's key. Use {@link #of} to build one from two messages in any order.
 */
public record Evidence(
    EvidenceKind kind,
    long epoch,
    long round,
    Address validator,
    Bytes bytesA,
    BlsSignature sigA,
    Bytes bytesB,
    BlsSignature sigB) {
  public Evidence {
    Require.present(kind, "evidence kind");
    Require.nonNegative(epoch, "epoch");
    Require.nonNegative(round, "round");
    Require.present(validator, "validator");
    Require.present(bytesA, "message A");
    Require.present(sigA, "signature A");
    Require.present(bytesB, "message B");
    Require.present(sigB, "signature B");
    if (bytesA.compareTo(bytesB) >= 0) {
      throw new IllegalArgumentException(
          "evidence messages must differ and be in canonical order (A sorts before B)");
    }
    SigningData a = parse(kind, bytesA, "A");
    SigningData b = parse(kind, bytesB, "B");
    for (SigningData d : new SigningData[] {a, b}) {
      if (d.epoch() != epoch || d.round() != round) {
        throw new IllegalArgumentException(
            "evidence message is for epoch " + d.epoch() + " round " + d.round()
                + ", the evidence declares epoch " + epoch + " round " + round);
      }
    }
    if (a.chainId() != b.chainId()) {
      throw new IllegalArgumentException("evidence messages are for different chains");
    }
  }

  private static SigningData parse(EvidenceKind kind, Bytes bytes, String which) {
    try {
      return SigningCodec.decode(kind, bytes.toArray());
    } catch (DecodeException e) {
      throw new IllegalArgumentException(
          "evidence message " + which + " is not " + kind.domain() + " signing data: "
              + e.getMessage(), e);
    }
  }

  /** Evidence from two conflicting signed messages of one kind, epoch and round, in any order. */
  public static Evidence of(
      Address validator, SigningData x, BlsSignature sigX, SigningData y, BlsSignature sigY) {
    Bytes bx = x.signingBytes();
    Bytes by = y.signingBytes();
    if (x.kind() != y.kind()) {
      throw new IllegalArgumentException("evidence messages are of different kinds");
    }
    boolean xFirst = bx.compareTo(by) < 0;
    return new Evidence(
        x.kind(), x.epoch(), x.round(), validator,
        xFirst ? bx : by, xFirst ? sigX : sigY, xFirst ? by : bx, xFirst ? sigY : sigX);
  }

  /** The chain both messages were signed for. */
  public long chainId() {
    return messageA().chainId();
  }

  /** Message A, decoded. */
  public SigningData messageA() {
    return SigningCodec.decode(kind, bytesA.toArray());
  }

  /** Message B, decoded. */
  public SigningData messageB() {
    return SigningCodec.decode(kind, bytesB.toArray());
  }

  /**
   * The offence's identity: keccak256 of RLP ["evidence", kind, epoch, round, validator]. It
   * names the (validator, kind, epoch, round) slot rather than the message pair, so that three
   * conflicting votes in one round are one offence, slashed once, whichever pair is submitted.
   */
  public Hash id() {
    return EvidenceCodec.offenceId(this);
  }

  /**
   * Checks that the messages are for chain {@code chainId} and that both signatures verify under
   * {@code offenderKey} (the BLS key {@code validator} held in {@code epoch}).
   */
  public void verify(BlsPublicKey offenderKey, long chainId) throws VerificationException {
    verify(offenderKey, chainId, SignatureScheme.BLS);
  }

  /** As {@link #verify(BlsPublicKey, long)}, with the given signature scheme (the simulation's). */
  public void verify(BlsPublicKey offenderKey, long chainId, SignatureScheme scheme)
      throws VerificationException {
    QuorumRule.checkChain(chainId, chainId(), "evidence");
    if (!scheme.verify(offenderKey, bytesA.toArray(), sigA)
        || !scheme.verify(offenderKey, bytesB.toArray(), sigB)) {
      throw new VerificationException(
          Fault.BAD_SIGNATURE,
          "evidence signatures do not both verify under the key of " + validator);
    }
  }
}
