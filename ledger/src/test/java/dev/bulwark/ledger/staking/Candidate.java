package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsKeyPair;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;

/** A would-be validator with real, deterministic keys: account address, BLS key with PoP, Ed25519 node key. */
record Candidate(Address address, BlsKeyPair bls, Bytes proofOfPossession, NodeKey nodeKey) {
  /** The candidate derived from {@code seed}. */
  static Candidate of(int seed) {
    Bytes material = Bytes.of(Keccak.hash256(("candidate-" + seed).getBytes(StandardCharsets.US_ASCII)));
    BlsKeyPair bls = BlsKeyPair.fromSecretKey(BlsSecretKey.keyGen(material));
    Address address = Address.of(Keccak.hash(material).bytes().slice(12, 32).toArray());
    return new Candidate(address, bls, Bls.proveOfPossession(bls.secretKey()).toBytes(),
        NodeKey.fromPrivateKey(Bytes.of(Keccak.hash256(material.toArray()))));
  }

  /** Call data registering these keys. */
  Bytes registerCall() {
    return StakingFunction.REGISTER.encodeCall(bls.publicKey().toBytes(), proofOfPossession, nodeKey.publicKey());
  }
}
