package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast, deterministic stand-in for BLS with the same aggregation algebra, for the simulation
 * only: sig_i(m) = keccak256(secret_i ‖ m), an aggregate is the sum of the parts mod 2^256, and
 * verification recomputes the parts through a registry of public key → secret that only the
 * simulator holds (so Byzantine nodes, which never see the registry, cannot forge). Signatures are
 * 96-byte {@link BlsSignature#opaque} values (the 32-byte sum, then a fixed tag) that real BLS
 * always rejects.
 */
public final class TestSignatureScheme implements SignatureScheme {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final byte[] TAG =
      "bulwark-test-signature".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Map<BlsPublicKey, byte[]> secrets = new HashMap<>();
  private final Map<BlsSecretKey, byte[]> secretBytes = new IdentityHashMap<>();

  /** Registers a validator key so its signatures can be verified. */
  public void register(BlsSecretKey sk, BlsPublicKey pk) {
    byte[] raw = sk.toBytes().toArray();
    secrets.put(pk, raw);
    secretBytes.put(sk, raw);
  }

  @Override
  public BlsSignature sign(BlsSecretKey sk, byte[] message) {
    byte[] raw = secretBytes.get(sk);
    if (raw == null) {
      raw = sk.toBytes().toArray();
    }
    return encode(part(raw, message));
  }

  @Override
  public boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig) {
    byte[] raw = secrets.get(pk);
    return raw != null && encode(part(raw, message)).equals(sig);
  }

  @Override
  public BlsSignature aggregate(List<BlsSignature> signatures) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("cannot aggregate an empty list of signatures");
    }
    BigInteger sum = BigInteger.ZERO;
    for (BlsSignature s : signatures) {
      sum = sum.add(decode(s));
    }
    return encode(sum.mod(MOD));
  }

  @Override
  public boolean fastAggregateVerify(List<BlsPublicKey> keys, byte[] message, BlsSignature agg) {
    BigInteger sum = BigInteger.ZERO;
    for (BlsPublicKey k : keys) {
      byte[] raw = secrets.get(k);
      if (raw == null) {
        return false;
      }
      sum = sum.add(part(raw, message));
    }
    return !keys.isEmpty() && encode(sum.mod(MOD)).equals(agg);
  }

  @Override
  public boolean aggregateVerify(List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature agg) {
    if (keys.isEmpty() || keys.size() != messages.size()) {
      return false;
    }
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < keys.size(); i++) {
      byte[] raw = secrets.get(keys.get(i));
      if (raw == null) {
        return false;
      }
      sum = sum.add(part(raw, messages.get(i)));
    }
    return encode(sum.mod(MOD)).equals(agg);
  }

  private static BigInteger part(byte[] secret, byte[] message) {
    return new BigInteger(1, Keccak.hash256(secret, message));
  }

  private static BlsSignature encode(BigInteger value) {
    byte[] out = new byte[BlsSignature.SIZE];
    byte[] v = value.toByteArray();
    int len = Math.min(v.length, 32);
    System.arraycopy(v, v.length - len, out, 32 - len, len);
    System.arraycopy(TAG, 0, out, 32, TAG.length);
    return BlsSignature.opaque(Bytes.of(out));
  }

  private static BigInteger decode(BlsSignature s) {
    return new BigInteger(1, s.toBytes().slice(0, 32).toArray());
  }

  @Override
  public String toString() {
    return "test-scheme";
  }
}
