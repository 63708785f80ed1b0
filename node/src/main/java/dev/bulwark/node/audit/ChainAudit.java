package dev.bulwark.node.audit;

import dev.bulwark.genesis.model.AllocAccount;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.Receipt;
import dev.bulwark.ledger.staking.AbiCodec;
import dev.bulwark.ledger.staking.AbiDecodeException;
import dev.bulwark.ledger.staking.StakingEvent;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.store.StoredReceipt;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Replays a stored chain from genesis on a scratch in-memory ledger and checks, block by block:
 * the stored block re-executes to its own header (state, receipts and evidence roots); the
 * supply equation holds in the <em>stored</em> state; every Slashed log in the stored receipts is
 * reproduced by the replay (so backed by evidence committed in that block, which re-verified, or
 * by the inactivity rule over committed headers) and names no offence twice; and every commit
 * proof verifies against the validator set the replay computed for its epoch. A block that does
 * not replay ends the audit there: nothing after it can be checked.
 */
public final class ChainAudit {
  private final Genesis genesis;
  private final ChainStore stored;
  private final Consumer<String> problems;
  private final LongConsumer progress;
  private final StakingModule module;
  private final SupplyBook book;
  private final Set<Hash> appliedEvidence = new HashSet<>();
  private boolean supplyOk = true;
  private long supplyFailures;
  private boolean proofsOk = true;
  private long slashes;
  private long transactions;
  private long unbacked;

  private ChainAudit(Genesis genesis, ChainStore stored, Consumer<String> problems,
      LongConsumer progress) {
    this.genesis = genesis;
    this.stored = stored;
    this.problems = problems;
    this.progress = progress;
    GenesisSpec spec = genesis.toSpec();
    this.module = new StakingModule(spec.params());
    BigInteger allocated = genesis.alloc().values().stream().map(AllocAccount::balance)
        .reduce(BigInteger.ZERO, BigInteger::add);
    this.book = new SupplyBook(module, allocated.add(genesis.totalStake()));
  }

  /**
   * Audits {@code stored} (the chain of {@code genesis}); each problem goes to {@code problems}
   * as one line naming its block, and {@code progress} hears each block number once it is checked.
   */
  public static AuditReport run(Genesis genesis, ChainStore stored, Consumer<String> problems,
      LongConsumer progress) {
    return new ChainAudit(genesis, stored, problems, progress).run();
  }

  private AuditReport run() {
    GenesisSpec spec = genesis.toSpec();
    long head = stored.head().number();
    try (Ledger replay = Ledger.open(new InMemoryStore(), spec, new StakingModule(spec.params()))) {
      checkSupply(0, storedState(0), genesis.alloc().keySet());
      long next = 1;
      while (next <= head) {
        Optional<Long> end = replayCommit(replay, next);
        if (end.isEmpty()) {
          return report(next - 1, false);
        }
        next = end.get() + 1;
      }
      return report(head, true);
    }
  }

  /** Replays the commit that holds block {@code first}; returns its last block, empty on failure. */
  private Optional<Long> replayCommit(Ledger replay, long first) {
    Finality finality;
    try {
      finality = stored.finality(first).orElse(null);
    } catch (StorageException e) {
      proofsOk = false;
      problems.accept("block " + first + ": commit proof unreadable: " + e.getMessage());
      return Optional.empty();
    }
    if (finality == null) {
      proofsOk = false;
      problems.accept("block " + first + ": no commit proof stored");
      return Optional.empty();
    }
    long last = finality.lastNumber();
    verifyProof(replay, first, last, finality);
    List<Block> blocks = new ArrayList<>();
    List<ExecutionResult> results = new ArrayList<>();
    for (long n = first; n <= last; n++) {
      Block block;
      try {
        block = stored.block(n).orElse(null);
      } catch (StorageException e) {
        block = null;
      }
      if (block == null) {
        problems.accept("block " + n + ": missing or unreadable in the store");
        supplyOk = false;
        return Optional.empty();
      }
      try {
        results.add(replay.execute(block));
      } catch (InvalidBlockException e) {
        problems.accept("block " + n + ": does not replay: " + e.getMessage());
        countSlashes(n, block, List.of());
        supplyOk = false;
        return Optional.empty();
      }
      blocks.add(block);
    }
    try {
      replay.commit(blocks, finality.proof(), finality.proofPath());
    } catch (InvalidBlockException | IllegalArgumentException | IllegalStateException e) {
      // the ledger's own commit checks: the proof must commit exactly these blocks
      problems.accept("block " + last + ": the stored commit proof does not commit it: " + e.getMessage());
      proofsOk = false;
      return Optional.empty();
    }
    for (int i = 0; i < blocks.size(); i++) {
      long n = first + i;
      ExecutionResult result = results.get(i);
      BigInteger slashed = countSlashes(n, blocks.get(i), result.receipts());
      book.destroy(result.burnedFees(), slashed);
      checkSupply(n, storedState(n), touched(blocks.get(i), result));
      transactions += blocks.get(i).transactions().size();
      progress.accept(n);
    }
    return Optional.of(last);
  }

  private void verifyProof(Ledger replay, long first, long last, Finality finality) {
    long epoch = finality.proof().epoch();
    Optional<ValidatorSet> set = replay.validatorSet(epoch);
    String blocks = first == last ? "block " + first : "blocks " + first + "-" + last;
    if (set.isEmpty()) {
      proofsOk = false;
      problems.accept(blocks + ": commit proof for epoch " + epoch + ", whose set the replay does not know");
      return;
    }
    try {
      finality.proof().verify(genesis.chainId(), set.get());
    } catch (VerificationException e) {
      proofsOk = false;
      problems.accept(blocks + ": commit proof does not verify against epoch " + epoch + "'s set: "
          + e.getMessage());
    }
  }

  /**
   * Counts the stored Slashed logs of block {@code n}; those the replay did not produce, or whose
   * evidence is not in the block or was applied before, are unbacked. Returns the backed amount.
   */
  private BigInteger countSlashes(long n, Block block, List<Receipt> replayed) {
    List<Log> reproduced = replayed.stream().flatMap(r -> r.logs().stream()).toList();
    Set<Hash> inBlock = new HashSet<>();
    block.evidence().stream().map(Evidence::id).forEach(inBlock::add);
    BigInteger backed = BigInteger.ZERO;
    List<StoredReceipt> receipts;
    try {
      receipts = stored.receipts(n).orElse(List.of());
    } catch (StorageException e) {
      problems.accept("block " + n + ": receipts unreadable: " + e.getMessage());
      unbacked++;
      return backed;
    }
    for (StoredReceipt r : receipts) {
      for (Log log : r.receipt().logs()) {
        if (!isSlashed(log)) {
          continue;
        }
        slashes++;
        Optional<String> why = unbackedBecause(log, reproduced, inBlock);
        if (why.isPresent()) {
          unbacked++;
          problems.accept("block " + n + ": unbacked slash of " + offender(log) + ": " + why.get());
        } else {
          backed = backed.add(amount(log));
        }
      }
    }
    return backed;
  }

  private Optional<String> unbackedBecause(Log log, List<Log> reproduced, Set<Hash> inBlock) {
    List<Object> fields;
    try {
      fields = AbiCodec.decode(log.data(), StakingEvent.SLASHED.dataTypes());
    } catch (AbiDecodeException e) {
      return Optional.of("its log does not decode: " + e.getMessage());
    }
    Hash evidenceId = (Hash) fields.get(3);
    if (!evidenceId.equals(Hash.ZERO)) {
      if (!inBlock.contains(evidenceId)) {
        return Optional.of("evidence " + evidenceId + " is not committed in the block");
      }
      if (!appliedEvidence.add(evidenceId)) {
        return Optional.of("evidence " + evidenceId + " was already applied");
      }
    }
    if (!reproduced.contains(log)) {
      return Optional.of("replaying the block does not produce it");
    }
    return Optional.empty();
  }

  private static boolean isSlashed(Log log) {
    return log.address().equals(StakingModule.ADDRESS) && !log.topics().isEmpty()
        && log.topics().get(0).equals(StakingEvent.SLASHED.topic());
  }

  private static String offender(Log log) {
    return log.topics().size() > 1
        ? Address.of(log.topics().get(1).bytes().slice(12, 32).toArray()).toHex() : "(unnamed)";
  }

  private static BigInteger amount(Log log) {
    try {
      List<Object> f = AbiCodec.decode(log.data(), StakingEvent.SLASHED.dataTypes());
      return ((BigInteger) f.get(1)).add((BigInteger) f.get(2));
    } catch (AbiDecodeException e) {
      return BigInteger.ZERO; // already reported as unbacked
    }
  }

  /** Every account whose balance the block may have changed. */
  private static Set<Address> touched(Block block, ExecutionResult result) {
    Set<Address> touched = new LinkedHashSet<>();
    touched.add(block.header().proposer());
    for (Receipt r : result.receipts()) {
      touched.add(r.from());
      r.to().ifPresent(touched::add);
    }
    touched.remove(Receipt.SYSTEM_SENDER);
    return touched;
  }

  private StateReader storedState(long n) {
    return stored.stateAt(n).orElseThrow(() -> new StorageException("block " + n + " vanished"));
  }

  private void checkSupply(long n, StateReader state, Set<Address> touched) {
    Optional<String> problem;
    try {
      problem = book.check(state, touched);
    } catch (StorageException | DecodeException e) {
      problem = Optional.of("stored state unreadable: " + e.getMessage());
    }
    if (problem.isPresent()) {
      supplyOk = false;
      // once off, the books stay off at every later block: the first one is the one to look at
      if (supplyFailures++ == 0) {
        problems.accept("block " + n + ": " + problem.get());
      }
    }
  }

  private AuditReport report(long blocks, boolean complete) {
    if (supplyFailures > 1) {
      problems.accept("supply also failed to balance at " + (supplyFailures - 1) + " later blocks");
    }
    return new AuditReport(blocks, transactions, supplyOk && complete, slashes, unbacked, proofsOk, complete);
  }
}
