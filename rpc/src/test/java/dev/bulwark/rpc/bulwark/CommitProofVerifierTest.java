package dev.bulwark.rpc.bulwark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.proof.CommitProofVerifier;
import dev.bulwark.rpc.proof.ProofException;
import dev.bulwark.rpc.proof.ProofException.Reason;
import dev.bulwark.rpc.proof.VerifiedCommit;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline check of issue 12 section 4: {@code bulwark_getCommitProof} of a block two epochs
 * after genesis (block 10, epoch 3, after a change of powers and a jailing changed the set)
 * verifies with nothing but the genesis's chain id and validators, and fails with the exact
 * reason when one bit, one byte or one epoch-change proof is changed.
 */
class CommitProofVerifierTest {
  private static BulwarkChain chain;
  private static Rpc rpc;
  private static CommitProofVerifier verifier;

  @BeforeAll
  static void grow() {
    chain = new BulwarkChain().grow(14);
    RpcMethods methods = new RpcMethods();
    BulwarkApi.register(methods, chain.ledger, Fakes.consensus(), List::of, List::of, "test");
    rpc = new Rpc(methods);
    verifier = new CommitProofVerifier(BulwarkChain.CHAIN_ID, genesisSet(chain.genesis));
  }

  @AfterAll
  static void close() {
    chain.close();
  }

  /** What a light client reads from the genesis file: epoch 1's set, as the genesis lists it. */
  private static ValidatorSet genesisSet(GenesisSpec genesis) {
    return new ValidatorSet(1, genesis.validators().stream()
        .map(v -> new ValidatorInfo(v.address(), v.blsPublicKey(), v.nodePublicKey(), v.stake()))
        .sorted((a, b) -> a.address().compareTo(b.address()))
        .toList());
  }

  private static ObjectNode proof(long number) throws Exception {
    return (ObjectNode) rpc.call("bulwark_getCommitProof", "[\"0x" + Long.toHexString(number) + "\"]");
  }

  @Test
  void aBlockTwoEpochsAfterGenesisVerifiesWithOnlyTheGenesis() throws Exception {
    ObjectNode proof = proof(10);
    assertThat(proof.get("epochChangeProofs")).hasSize(2);
    VerifiedCommit verified = verifier.verify(proof);
    assertThat(verified.number()).isEqualTo(10);
    assertThat(verified.hash()).isEqualTo(chain.ledger.chain().block(10).orElseThrow().hash());
    assertThat(verified.epoch()).isEqualTo(3);
    assertThat(verified.set()).isEqualTo(chain.ledger.validatorSet(3).orElseThrow());
    assertThat(verified.set().size()).isEqualTo(3); // the offender was jailed out of epoch 3
  }

  @Test
  void everyCommittedBlockVerifiesIncludingEpochEndsAndEpochOne() throws Exception {
    for (long n = 1; n <= 14; n++) {
      assertThat(verifier.verify(proof(n)).number()).isEqualTo(n);
    }
  }

  @Test
  void eachBitOfTheBitmapChangedFails() throws Exception {
    // Epoch 3's three validators (powers 1000, 1000, 600; quorum 1734) all signed: bitmap 0x07.
    // Without one of the first two the power is short; without the third there is still a
    // quorum but the signature no longer matches; a bit past the set size is malformed.
    assertThat(proof(10).get("qc").get("signersBitmap").textValue()).isEqualTo("0x07");
    for (int bit = 0; bit < 8; bit++) {
      int b = bit;
      ProofException e = fails(proof(10), p -> flipBit(p.with("qc"), "signersBitmap", b));
      assertThat(e.reason()).isEqualTo(b < 2 ? Reason.POWER_BELOW_QUORUM
          : b == 2 ? Reason.BAD_AGGREGATE_SIGNATURE : Reason.MALFORMED);
    }
    // Epoch 2's four validators: three signed (0x07); without validator 0 the power is short.
    ObjectNode epoch2 = proof(6);
    assertThat(epoch2.get("qc").get("signersBitmap").textValue()).isEqualTo("0x07");
    assertThat(fails(epoch2, p -> flipBit(p.with("qc"), "signersBitmap", 0)).reason())
        .isEqualTo(Reason.POWER_BELOW_QUORUM);
    assertThat(fails(epoch2, p -> flipBit(p.with("qc"), "signersBitmap", 3)).reason())
        .isEqualTo(Reason.BAD_AGGREGATE_SIGNATURE);
  }

  @Test
  void oneByteOfTheSignatureChangedFails() throws Exception {
    for (int index : new int[] {0, 1, 47, 95}) {
      ProofException e = fails(proof(10), p -> flipByte(p.with("qc"), "aggregateSignature", index));
      assertThat(e.reason()).isEqualTo(Reason.BAD_AGGREGATE_SIGNATURE);
    }
  }

  @Test
  void oneChangedEpochChangeProofFails() throws Exception {
    assertThat(fails(proof(10), p -> flipByte(epochProof(p, 0).with("qc"), "aggregateSignature", 5))
        .reason()).isEqualTo(Reason.BAD_AGGREGATE_SIGNATURE);
    assertThat(fails(proof(10), p -> flipBit(epochProof(p, 1).with("qc"), "signersBitmap", 0))
        .reason()).isEqualTo(Reason.POWER_BELOW_QUORUM);
    assertThat(fails(proof(10),
        p -> flipByte(epochProof(p, 1).with("nextValidatorSetProof"), "value", 40)).reason())
        .isEqualTo(Reason.BROKEN_EPOCH_CHAIN);
    assertThat(fails(proof(10), p -> {
      ObjectNode first = (ObjectNode) epochProof(p, 1).with("nextValidatorSet")
          .withArray("validators").get(0);
      first.put("votingPower", "0x1");
    }).reason()).isEqualTo(Reason.BROKEN_EPOCH_CHAIN);
    assertThat(fails(proof(10), p -> ((ArrayNode) p.get("epochChangeProofs")).remove(0)).reason())
        .isEqualTo(Reason.BROKEN_EPOCH_CHAIN);
    assertThat(fails(proof(10), p -> ((ArrayNode) p.get("epochChangeProofs")).remove(1)).reason())
        .isEqualTo(Reason.UNKNOWN_EPOCH);
    // Epoch 2's proof in place of epoch 1's: signed by a set the chain has not reached yet.
    assertThat(fails(proof(10), p -> {
      ArrayNode chainOfProofs = (ArrayNode) p.get("epochChangeProofs");
      chainOfProofs.set(0, chainOfProofs.get(1).deepCopy());
    }).reason()).isEqualTo(Reason.BROKEN_EPOCH_CHAIN);
  }

  @Test
  void theBlockMustBeTheOneTheHeadersAndQcLink() throws Exception {
    ObjectNode other = proof(9);
    assertThat(fails(proof(10), p -> p.set("blockHash", other.get("blockHash"))).reason())
        .isEqualTo(Reason.BLOCK_HASH_MISMATCH);
    assertThat(fails(proof(10), p -> p.set("headers", other.get("headers"))).reason())
        .isEqualTo(Reason.BLOCK_HASH_MISMATCH);
    assertThat(fails(proof(10), p -> p.set("qc", other.get("qc"))).reason())
        .isEqualTo(Reason.BLOCK_HASH_MISMATCH);
    // Block 8 ends epoch 2: its proof path runs through a never-committed child.
    assertThat(proof(8).get("headers")).hasSize(2);
    assertThat(fails(proof(8), p -> ((ArrayNode) p.get("headers")).remove(1)).reason())
        .isEqualTo(Reason.BLOCK_HASH_MISMATCH);
  }

  @Test
  void aBlockJsonsFourMemberQcVerifiesUnderTheSetTheEpochChainReaches() throws Exception {
    // Block 11's qc certifies block 10 (epoch 3); the block JSON carries only the four shared
    // members, and the certified block's parentHash and qc.round give the rest of the vote.
    var store = chain.ledger.chain();
    var certified = store.block(10).orElseThrow().header();
    ObjectNode qc = BulwarkJson.qc(store.block(11).orElseThrow().header().parentQc().orElseThrow());
    qc.retain("round", "blockHash", "signersBitmap", "aggregateSignature");
    long certifiedParentRound = certified.parentQc().orElseThrow().round();
    ValidatorSet epoch3 = verifier.validatorSet(
        rpc.call("bulwark_getEpochChangeProof", "[\"0x1\"]"), 3);
    assertThat(epoch3).isEqualTo(chain.ledger.validatorSet(3).orElseThrow());
    assertThat(verifier.verifyBlockQc(qc, epoch3, certified.parentHash(), certifiedParentRound))
        .isEqualTo(epoch3.totalPower());
    ObjectNode forged = qc.deepCopy();
    flipByte(forged, "aggregateSignature", 9);
    assertThatThrownBy(() -> verifier.verifyBlockQc(forged, epoch3, certified.parentHash(),
        certifiedParentRound)).isInstanceOf(ProofException.class)
        .extracting(e -> ((ProofException) e).reason()).isEqualTo(Reason.BAD_AGGREGATE_SIGNATURE);
    assertThatThrownBy(() -> verifier.validatorSet(
        rpc.call("bulwark_getEpochChangeProof", "[\"0x1\"]"), 9))
        .isInstanceOf(ProofException.class)
        .hasMessage("unknown epoch: the epoch chain reaches epoch 4, not 9");
  }

  @Test
  void anotherChainsGenesisRefusesTheProof() throws Exception {
    CommitProofVerifier other = new CommitProofVerifier(BulwarkChain.CHAIN_ID + 1,
        genesisSet(chain.genesis));
    assertThatThrownBy(() -> other.verify(proof(3)))
        .isInstanceOf(ProofException.class)
        .hasMessageStartingWith("wrong chain: the QC is for chain 4242, the genesis is chain 4243");
  }

  private static ObjectNode epochProof(ObjectNode proof, int k) {
    return (ObjectNode) proof.get("epochChangeProofs").get(k);
  }

  private static ProofException fails(ObjectNode proof, Consumer<ObjectNode> change) {
    ObjectNode copy = proof.deepCopy();
    change.accept(copy);
    try {
      verifier.verify(copy);
    } catch (ProofException e) {
      return e;
    }
    throw new AssertionError("the changed proof verified: " + copy);
  }

  private static void flipBit(ObjectNode o, String member, int bit) {
    byte[] b = Bytes.fromHex(o.get(member).textValue()).toArray();
    b[bit / 8] ^= (byte) (1 << (bit % 8));
    o.put(member, Bytes.of(b).toHex());
  }

  private static void flipByte(ObjectNode o, String member, int index) {
    byte[] b = Bytes.fromHex(o.get(member).textValue()).toArray();
    b[index] ^= 0x01;
    o.put(member, Bytes.of(b).toHex());
  }

}
