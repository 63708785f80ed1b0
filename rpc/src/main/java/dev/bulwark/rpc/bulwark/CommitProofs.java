package dev.bulwark.rpc.bulwark;

import static dev.bulwark.rpc.bulwark.BulwarkJson.JSON;
import static dev.bulwark.rpc.bulwark.BulwarkJson.quantity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.staking.EpochSetSlot;
import dev.bulwark.ledger.state.merkle.MerkleProof;
import dev.bulwark.ledger.state.merkle.MissingNodeException;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.rpc.jsonrpc.RpcException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@code bulwark_getCommitProof} and {@code bulwark_getEpochChangeProof} answers: for a
 * block, the QC that finalised it, the headers linking the block to the block that QC commits,
 * and, for each epoch before the block's, the epoch-change proof that hands the trust of one
 * validator set to the next (a Merkle proof of the next set in the epoch-ending block's state).
 * {@code dev.bulwark.rpc.proof.CommitProofVerifier} checks these with nothing but the genesis.
 */
final class CommitProofs {
  /** Most epoch-change proofs one {@code bulwark_getEpochChangeProof} answer carries. */
  static final int MAX_EPOCH_PROOFS = 100;

  private final ChainStore chain;
  private final long epochLength;

  CommitProofs(ChainStore chain, long epochLength) {
    this.chain = chain;
    this.epochLength = epochLength;
  }

  /** The commit proof of committed block {@code number} with the epoch chain back to genesis. */
  ObjectNode commitProof(long number) throws RpcException {
    Block block = chain.block(number).orElseThrow(() -> blockNotFound(number));
    if (number == 0) {
      throw RpcException.server("the genesis block is final by definition and has no commit proof");
    }
    BlockHeader header = block.header();
    ObjectNode o = finalityOf(header);
    ArrayNode epochs = o.putArray("epochChangeProofs");
    for (long e = 1; e < header.epoch(); e++) {
      epochs.add(epochChange(e));
    }
    return o;
  }

  /** The epoch-change proofs of the ended epochs from {@code fromEpoch} on (at most a page). */
  ArrayNode epochChangeProofs(long fromEpoch) throws RpcException {
    if (fromEpoch < 1) {
      throw RpcException.invalidParams(
          "invalid argument 0: epoch 0 ends at genesis; the first epoch-change proof is epoch 1's");
    }
    long lastEnded = chain.head().number() / epochLength;
    ArrayNode out = JSON.arrayNode();
    for (long e = fromEpoch; e <= lastEnded && out.size() < MAX_EPOCH_PROOFS; e++) {
      out.add(epochChange(e));
    }
    return out;
  }

  /** The proof that epoch {@code epoch}'s set finalised its last block, and the set it chose. */
  private ObjectNode epochChange(long epoch) throws RpcException {
    long end = epoch * epochLength;
    BlockHeader header =
        chain.block(end).orElseThrow(() -> blockNotFound(end)).header();
    ObjectNode o = finalityOf(header);
    ValidatorSet next = chain.validatorSet(epoch + 1).orElseThrow(
        () -> RpcException.server("the validator set of epoch " + (epoch + 1) + " is not stored"));
    ObjectNode set = BulwarkJson.validatorSet(next);
    set.put("startBlock", quantity(end + 1));
    o.set("nextValidatorSet", set);
    Hash key = EpochSetSlot.stateKey(epoch + 1);
    Bytes value;
    MerkleProof proof;
    try {
      value = chain.stateTree().get(header.stateRoot(), key).orElseThrow(
          () -> RpcException.server("epoch " + (epoch + 1) + "'s set is not in block " + end
              + "'s state"));
      proof = chain.stateTree().prove(header.stateRoot(), key);
    } catch (MissingNodeException e) {
      // The proof needs the epoch-ending block's state tree; a node that prunes old state loses it.
      throw RpcException.server("missing trie node: the state of block " + end
          + " is no longer kept, so epoch " + (epoch + 1) + "'s set cannot be proven");
    }
    ObjectNode slot = o.putObject("nextValidatorSetProof");
    slot.put("stateKey", key.toHex());
    slot.put("value", value.toHex());
    ArrayNode nodes = slot.putArray("merkleProof");
    proof.nodes().forEach(n -> nodes.add(n.toHex()));
    return o;
  }

  /**
   * The block's number, hash, epoch and round; the headers from it to the block its finality QC
   * commits (RLP, oldest first; the first is the block's own); the QC with its signers.
   */
  private ObjectNode finalityOf(BlockHeader header) throws RpcException {
    long number = header.number();
    Finality finality = chain.finality(number).orElseThrow(
        () -> RpcException.server("no finality record for block " + number));
    ObjectNode o = JSON.objectNode();
    o.put("blockNumber", quantity(number));
    o.put("blockHash", header.hash().toHex());
    o.put("epoch", quantity(header.epoch()));
    o.put("round", quantity(header.round()));
    ArrayNode headers = o.putArray("headers");
    for (BlockHeader h : headersToProof(header, finality)) {
      headers.add(Bytes.of(BlockCodec.encode(h)).toHex());
    }
    QuorumCertificate qc = finality.proof().qc();
    o.set("qc", BulwarkJson.qc(qc));
    ValidatorSet set = chain.validatorSet(qc.epoch()).orElseThrow(
        () -> RpcException.server("the validator set of epoch " + qc.epoch() + " is not stored"));
    ArrayNode signers = o.putArray("signers");
    BigInteger signed = BigInteger.ZERO;
    for (int i : qc.signers().indexes()) {
      ValidatorInfo v = set.get(i);
      ObjectNode s = signers.addObject();
      s.put("address", v.address().toHex());
      s.put("votingPower", quantity(v.votingPower()));
      signed = signed.add(v.votingPower());
    }
    o.put("signedPower", quantity(signed));
    o.put("totalPower", quantity(set.totalPower()));
    o.put("quorumThreshold", quantity(set.quorumPower()));
    return o;
  }

  private List<BlockHeader> headersToProof(BlockHeader header, Finality finality)
      throws RpcException {
    List<BlockHeader> out = new ArrayList<>();
    out.add(header);
    for (long n = header.number() + 1; n <= finality.lastNumber(); n++) {
      long k = n;
      out.add(chain.block(n).orElseThrow(() -> blockNotFound(k)).header());
    }
    out.addAll(finality.proofPath());
    return out;
  }

  private static RpcException blockNotFound(long number) {
    return RpcException.server("block " + number + " not found");
  }

  /** The committed block number a tag names, if that block exists. */
  static Optional<Long> resolve(ChainStore chain, dev.bulwark.rpc.jsonrpc.BlockTag tag) {
    if (tag.kind() == dev.bulwark.rpc.jsonrpc.BlockTag.Kind.HASH) {
      return chain.blockNumber(tag.hash()).filter(n -> n <= chain.head().number());
    }
    long n = tag.resolve(chain.head().number());
    return n <= chain.head().number() ? Optional.of(n) : Optional.empty();
  }
}
