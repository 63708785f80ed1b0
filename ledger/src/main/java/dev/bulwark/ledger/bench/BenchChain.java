package dev.bulwark.ledger.bench;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.crypto.bls.BlsKeyPair;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.execution.BlockTemplate;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.Epochs;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's chain: one validator, funded senders, and certificates of the right shape
 * (unsigned: the ledger does not verify them, consensus does).
 */
final class BenchChain {
  static final long CHAIN_ID = 31_337;
  static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private final GenesisSpec genesis;
  private final Address proposer;
  private final BenchSystemModule module;

  /**
   * A chain whose blocks hold up to {@code txsPerBlock} transfers, senders funded in {@code alloc}.
   */
  BenchChain(int txsPerBlock, Map<Address, BigInteger> alloc) {
    BlsKeyPair bls =
        BlsKeyPair.fromSecretKey(BlsSecretKey.keyGen(Bytes.of(Keccak.hash256(new byte[] {1}))));
    Secp256k1.KeyPair account = key(0x7fff_ffff);
    this.proposer = account.address();
    // The gas target equals a full block's use, so the base fee stays at the floor.
    long gasLimit = Math.max(ChainParams.TRANSFER_GAS, 2L * txsPerBlock * ChainParams.TRANSFER_GAS);
    ChainParams params =
        new ChainParams(
            CHAIN_ID,
            1_000_000,
            10,
            BigInteger.ONE,
            10,
            10,
            0,
            100,
            100,
            100,
            0,
            gasLimit,
            GWEI,
            50_000,
            proposer);
    Bytes nodeKey = Bytes.of(Keccak.hash256(new byte[] {2}));
    BigInteger stake = BigInteger.TEN.pow(18);
    this.genesis =
        new GenesisSpec(
            params,
            1_700_000_000L,
            alloc,
            List.of(new GenesisSpec.Validator(proposer, bls.publicKey(), nodeKey, stake)));
    this.module = new BenchSystemModule(genesis);
  }

  /** The deterministic benchmark key {@code i} (private key i + 1). */
  static Secp256k1.KeyPair key(int i) {
    byte[] priv = ByteBuffer.allocate(32).putInt(28, i + 1).array();
    return Secp256k1.fromPrivateKey(Bytes.of(priv));
  }

  /** The chain's system module. */
  BenchSystemModule module() {
    return module;
  }

  GenesisSpec genesis() {
    return genesis;
  }

  /** The template of the child of {@code parent}. */
  BlockTemplate template(BlockHeader parent) {
    QuorumCertificate qc;
    if (Epochs.endsEpoch(parent.number(), genesis.params().epochLengthBlocks())) {
      qc =
          QuorumCertificate.genesis(
              CHAIN_ID, module.validatorSet(parent.epoch() + 1), parent.hash());
    } else {
      long grandparentRound = parent.parentQc().map(QuorumCertificate::round).orElse(0L);
      qc =
          new QuorumCertificate(
              new VoteData(
                  CHAIN_ID,
                  parent.epoch(),
                  parent.round(),
                  parent.hash(),
                  parent.parentHash(),
                  grandparentRound),
              BlsSignature.INFINITY,
              SignerBitmap.of(1, 0));
    }
    return new BlockTemplate(
        parent.timestampMillis() + 1000, proposer, qc.round() + 1, new ArrayList<>(), qc);
  }

  /** A commit proof of {@code block}'s shape. */
  CommitProof commitProof(BlockHeader block) {
    VoteData vote =
        new VoteData(
            CHAIN_ID,
            block.epoch(),
            block.round() + 1,
            Keccak.hash(block.hash().bytes()),
            block.hash(),
            block.round());
    return new CommitProof(
        new QuorumCertificate(vote, BlsSignature.INFINITY, SignerBitmap.of(1, 0)));
  }
}
