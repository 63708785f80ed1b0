package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.CertificateCodec;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.state.AccountCodec;
import dev.bulwark.ledger.state.StateKeys;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.storage.LevelDbStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.node.audit.SignedChainWriter;
import dev.bulwark.node.storage.DataDirectory;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark audit} on a chain written with real commit proofs and one committed equivocation:
 * it passes, and it fails naming the block when one stored balance, one evidence record or one
 * bit of a commit proof was tampered with; a store held open is refused.
 */
class AuditCommandTest {
  private static final int BLOCKS = 40;
  private static final long EVIDENCE_BLOCK = 12;

  @TempDir Path dir;

  /** Writes the chain; returns the committed height. */
  private long writeChain(DataDirectory data) throws Exception {
    try (SignedChainWriter writer = new SignedChainWriter(data)) {
      for (int i = 1; i <= BLOCKS; i++) {
        writer.append(i % 5, i == EVIDENCE_BLOCK ? List.of(writer.equivocation(3, 2)) : List.of());
      }
      return writer.committedHeight();
    }
  }

  private CliRun audit(DataDirectory data) {
    return CliRun.of("audit", "--data-dir", data.root().toString());
  }

  @Test
  void anHonestChainPasses() throws Exception {
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    long height = writeChain(data);
    CliRun run = audit(data);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).containsExactly("audit: blocks=" + height
        + " supply_ok=true slashes=1 unbacked_slashes=0 proofs_ok=true");
  }

  @Test
  void aTamperedBalanceFailsAtTheBlockThatLastChangedIt() throws Exception {
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    long height = writeChain(data);
    Address victim = DevAccounts.standard().get(4).address();
    long changedAt;
    Account account;
    try (Ledger ledger = data.openLedger(new SignedChainWriterGenesis(data).load())) {
      ChainStore chain = ledger.chain();
      account = chain.headState().account(victim);
      changedAt = height;
      while (chain.stateAt(changedAt - 1).orElseThrow().account(victim).equals(account)) {
        changedAt--;
      }
    }
    // the leaf keeps its key (the hash of its true content) but now holds one more coin
    Bytes key = StateKeys.account(victim).bytes();
    Bytes leaf = Bytes.of(new byte[] {0}).concat(key).concat(AccountCodec.encode(account));
    Bytes forged = Bytes.of(new byte[] {0}).concat(key).concat(AccountCodec.encode(
        new Account(account.nonce(), account.balance().add(BigInteger.ONE))));
    Bytes storeKey = KeyPrefix.STATE_NODE.key(Bytes.of(
        MessageDigest.getInstance("SHA-256").digest(leaf.toArray())));
    rewrite(data, storeKey, forged);

    CliRun run = audit(data);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("audit: block " + changedAt + ": supply does not balance")
        .contains("(off by 1)");
    assertThat(run.outLines()).containsExactly("audit: blocks=" + height
        + " supply_ok=false slashes=1 unbacked_slashes=0 proofs_ok=true");
  }

  @Test
  void aRemovedEvidenceRecordFailsAtItsBlock() throws Exception {
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    writeChain(data);
    Block block = readBlock(data, EVIDENCE_BLOCK);
    assertThat(block.evidence()).hasSize(1);
    rewrite(data, KeyPrefix.BLOCK.key(uint64(EVIDENCE_BLOCK)), Bytes.of(BlockCodec.encode(
        new Block(block.header(), block.transactions(), List.of()))));

    CliRun run = audit(data);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("audit: block " + EVIDENCE_BLOCK + ": does not replay")
        .contains("audit: block " + EVIDENCE_BLOCK + ": unbacked slash of ");
    assertThat(run.outLines()).containsExactly("audit: blocks=" + (EVIDENCE_BLOCK - 1)
        + " supply_ok=false slashes=1 unbacked_slashes=1 proofs_ok=true");
  }

  @Test
  void aFlippedBitInACommitProofFailsAtItsBlock() throws Exception {
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    long height = writeChain(data);
    long target = 7;
    Bytes key = KeyPrefix.COMMIT_PROOF.key(uint64(target));
    Finality finality;
    try (LevelDbStore store = openRaw(data)) {
      finality = CertificateCodec.decodeFinality(store.get(key).orElseThrow().toArray());
    }
    QuorumCertificate qc = finality.proof().qc();
    // one bitmap bit flipped: validator 3 now claims a share of an aggregate it never signed
    SignerBitmap flipped = SignerBitmap.of(4, 0, 1, 2, 3);
    Finality tampered = new Finality(new CommitProof(new QuorumCertificate(qc.vote(),
        qc.aggregate(), flipped)), finality.proofPath(), finality.lastNumber());
    rewrite(data, key, Bytes.of(CertificateCodec.encode(tampered)));

    CliRun run = audit(data);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("audit: block " + target + ": commit proof does not verify");
    assertThat(run.outLines()).containsExactly("audit: blocks=" + height
        + " supply_ok=true slashes=1 unbacked_slashes=0 proofs_ok=false");
  }

  @Test
  void aStoreHeldOpenIsRefused() throws Exception {
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    writeChain(data);
    try (Ledger held = data.openLedger(new SignedChainWriterGenesis(data).load())) {
      CliRun run = audit(data);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("held open by another process");
      assertThat(held.head().number()).isPositive();
    }
    CliRun none = CliRun.of("audit", "--data-dir", dir.resolve("empty").toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("holds no ledger");
  }

  private static Block readBlock(DataDirectory data, long n) throws Exception {
    try (LevelDbStore store = openRaw(data)) {
      return BlockCodec.decodeBlock(store.get(KeyPrefix.BLOCK.key(uint64(n))).orElseThrow().toArray());
    }
  }

  private static void rewrite(DataDirectory data, Bytes key, Bytes value) throws Exception {
    try (LevelDbStore store = openRaw(data)) {
      assertThat(store.get(key)).as("tampered key exists").isPresent();
      store.write(new WriteBatch().put(key, value), Durability.SYNC);
    }
  }

  private static LevelDbStore openRaw(DataDirectory data) throws Exception {
    Ledger probe = data.openLedger(new SignedChainWriterGenesis(data).load());
    Bytes identity = probe.chain().block(0).orElseThrow().hash().bytes();
    probe.close();
    return LevelDbStore.open(data.ledgerDir(), ChainStore.SCHEMA_VERSION, identity);
  }

  private static Bytes uint64(long n) {
    return Bytes.of(ByteBuffer.allocate(8).putLong(n).array());
  }

  /** The genesis copy the writer kept in the data directory. */
  private record SignedChainWriterGenesis(DataDirectory data) {
    dev.bulwark.genesis.model.Genesis load() throws Exception {
      return data.genesisCopy().read().orElseThrow();
    }
  }
}
