package dev.bulwark.node.audit;

import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.execution.BlockTemplate;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.node.storage.DataDirectory;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only: writes a chain straight into a node's data directory, as consensus would have
 * committed it, with real BLS commit proofs (three of four validators sign each QC), transfers
 * between the development accounts and, on request, equivocation evidence. The QC that certifies
 * block n is both block n+1's parent QC and block n−1's commit proof (two-chain commit), so each
 * block costs three signatures. One epoch only: the epoch length exceeds any chain it writes.
 */
public final class SignedChainWriter implements AutoCloseable {
  private static final long CHAIN_ID = 1337;
  private static final int[] SIGNERS = {0, 1, 2};

  private final Genesis genesis;
  private final List<BlsSecretKey> blsKeys = new ArrayList<>();
  private final List<Address> validatorAddresses = new ArrayList<>();
  private final DataDirectory data;
  private final Ledger ledger;
  private final ValidatorSet set;
  private final List<Secp256k1.KeyPair> senders = new ArrayList<>();
  private final Map<Address, Long> nonces = new HashMap<>();
  private QuorumCertificate highQc;
  private BlockHeader tip;
  private final List<Block> pending = new ArrayList<>();
  private final int commitEvery;
  private long transactions;

  /** A fresh chain of four validators in {@code data}, its genesis kept there as a node would. */
  public SignedChainWriter(DataDirectory data) {
    this(data, 1);
  }

  /**
   * As {@link #SignedChainWriter(DataDirectory)}, committing {@code commitEvery} blocks under one
   * commit proof (as consensus does when several blocks finalise at once), so one fsync each.
   */
  public SignedChainWriter(DataDirectory data, int commitEvery) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be positive");
    }
    this.commitEvery = commitEvery;
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(4, "127.0.0.1", 30303,
        8545, CHAIN_ID, Instant.now().getEpochSecond(), true), new SecureRandom());
    Genesis g = network.genesis();
    GenesisParams p = g.params();
    this.genesis = new Genesis(g.chainId(), g.genesisTime(), new GenesisParams(4_000_000_000L,
        p.maxValidators(), p.minStake(), p.unbondingPeriodBlocks(), p.jailDurationBlocks(),
        p.equivocationSlashBps(), p.maxEvidenceAgeBlocks(), p.inactivityWindowSlots(),
        p.inactivityThresholdSlots(), p.inactivitySlashBps(), p.blockGasLimit(),
        p.minBaseFeePerGas(), p.stakingCallGas(), p.admin()), g.validators(), g.alloc());
    this.data = data;
    this.ledger = data.openLedger(genesis);
    data.genesisCopy().keep(genesis);
    this.set = ledger.validatorSet(1).orElseThrow();
    for (var v : set.validators()) {
      GeneratedNetwork.Member m = network.validators().stream()
          .filter(x -> x.keys().address().equals(v.address())).findFirst().orElseThrow();
      blsKeys.add(m.keys().bls().secretKey());
      validatorAddresses.add(v.address());
    }
    DevAccounts.standard().forEach(a -> senders.add(Secp256k1.fromPrivateKey(a.privateKey())));
    this.tip = ledger.head();
    this.highQc = QuorumCertificate.genesis(CHAIN_ID, set, tip.hash());
  }

  /** The genesis the chain was written from. */
  public Genesis genesis() {
    return genesis;
  }

  /** The validator at bitmap index {@code i}. */
  public Address validator(int i) {
    return validatorAddresses.get(i);
  }

  /** Transactions written so far. */
  public long transactions() {
    return transactions;
  }

  /** Evidence that validator {@code index} voted for two blocks in {@code round} of epoch 1. */
  public Evidence equivocation(int index, long round) {
    VoteData a = new VoteData(CHAIN_ID, 1, round, hash(1), hash(3), round - 1);
    VoteData b = new VoteData(CHAIN_ID, 1, round, hash(2), hash(3), round - 1);
    BlsSecretKey key = blsKeys.get(index);
    return Evidence.of(validatorAddresses.get(index), a, Bls.sign(key, a.signingBytes().toArray()),
        b, Bls.sign(key, b.signingBytes().toArray()));
  }

  /** Appends one block with {@code transfers} transfers and {@code evidence}; returns its number. */
  public long append(int transfers, List<Evidence> evidence) throws InvalidBlockException {
    BigInteger baseFee = FeeMarket.nextBaseFee(tip, ledger.params());
    List<SignedTransaction> txs = new ArrayList<>();
    for (int i = 0; i < transfers; i++) {
      Secp256k1.KeyPair from = senders.get(1 + i % (senders.size() - 1));
      long nonce = nonces.merge(from.address(), 1L, Long::sum) - 1;
      txs.add(TransactionSigner.sign(new DynamicFeeTransaction(BigInteger.valueOf(CHAIN_ID), nonce,
          BigInteger.ONE, baseFee.shiftLeft(1).add(BigInteger.ONE), 21_000,
          Optional.of(senders.get(i % senders.size()).address()), BigInteger.valueOf(1_000 + i),
          Bytes.EMPTY, List.of(), TransactionSignature.NONE), from));
    }
    long round = highQc.round() + 1;
    Address proposer = validatorAddresses.get((int) (round % validatorAddresses.size()));
    BlockTemplate template = new BlockTemplate(tip.timestampMillis() + 500, proposer, round,
        List.of(), highQc);
    Block block = ledger.build(template, txs, evidence).block();
    if (block.transactions().size() != transfers || block.evidence().size() != evidence.size()) {
      throw new IllegalStateException("the builder dropped transactions or evidence");
    }
    transactions += transfers;
    QuorumCertificate certifying = sign(new VoteData(CHAIN_ID, 1, round, block.hash(),
        block.header().parentHash(), highQc.round()));
    if (pending.size() >= commitEvery) {
      ledger.commit(List.copyOf(pending), new CommitProof(certifying), List.of());
      pending.clear();
    }
    pending.add(block);
    highQc = certifying;
    tip = block.header();
    return block.header().number();
  }

  private QuorumCertificate sign(VoteData vote) {
    List<BlsSignature> sigs = new ArrayList<>();
    for (int i : SIGNERS) {
      sigs.add(Bls.sign(blsKeys.get(i), vote.signingBytes().toArray()));
    }
    return new QuorumCertificate(vote, Bls.aggregate(sigs), SignerBitmap.of(set.size(), SIGNERS));
  }

  private static Hash hash(int b) {
    byte[] bytes = new byte[32];
    bytes[31] = (byte) b;
    return Hash.of(bytes);
  }

  /** The highest committed block (the last appended one waits for its child's QC). */
  public long committedHeight() {
    return ledger.head().number();
  }

  /** The data directory written. */
  public DataDirectory data() {
    return data;
  }

  @Override
  public void close() {
    ledger.close();
  }
}
