package dev.bulwark.node.cli;

import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.InvalidGenesisException;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.storage.StoreLockedException;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.node.audit.AuditReport;
import dev.bulwark.node.audit.ChainAudit;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.node.storage.GenesisMismatchException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark audit}: replays a stopped node's chain from genesis and checks its books. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
        "Audit a stopped node's store (after SIGTERM or kill -9): replay the whole chain from genesis "
            + "on a scratch ledger and check at every block that it re-executes to its stored header, "
            + "that genesis supply - burned base fees - slashed stake = balances + bonded + unbonding "
            + "stake in the stored state, that every slashing in the stored receipts is backed by "
            + "evidence committed in that block (re-verified, applied once) or by the inactivity rule "
            + "over committed blocks, and that every commit proof verifies against its epoch's set as "
            + "the replay computed it.",
        "Problems go to stderr, one line each naming its block, with progress for long chains; stdout "
            + "gets exactly one line: audit: blocks=<n> supply_ok=<true|false> slashes=<k> "
            + "unbacked_slashes=<u> proofs_ok=<true|false>.",
        "Exit codes: 0 all checks hold; 1 a check failed (or the chain stops replaying at a block); "
            + "2 bad options, or a store that cannot be read (missing, another chain's, or held open "
            + "by a running node)."})
public final class AuditCommand implements Callable<Integer> {
  private static final long PROGRESS_NANOS = 2_000_000_000L;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The node's data directory (its ledger/ is read, never written).")
  Path dataDir;

  @Option(names = "--genesis", paramLabel = "FILE",
      description = "Genesis file (default: the copy the node keeps in its data directory).")
  Path genesisFile;

  @Override
  public Integer call() throws Exception {
    DataDirectory data = new DataDirectory(dataDir);
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(data.ledgerDir().resolve("CURRENT"))) {
      err.println("bulwark audit: error: " + data.ledgerDir() + " holds no ledger");
      err.flush();
      return 2;
    }
    Genesis genesis;
    try {
      genesis = genesis(data);
    } catch (GenesisMismatchException e) {
      err.println("bulwark audit: error: " + e.getMessage());
      err.flush();
      return 2;
    }
    Ledger stored;
    try {
      stored = data.openLedger(genesis, MerkleStateTree.defaultResidentNodes());
    } catch (StoreLockedException e) {
      err.println("bulwark audit: error: the store is held open by another process (a running node?);"
          + " stop it first: " + e.getMessage());
      err.flush();
      return 2;
    } catch (StorageException e) {
      err.println("bulwark audit: error: cannot open " + data.ledgerDir() + ": " + e.getMessage());
      err.flush();
      return 2;
    }
    AuditReport report;
    try (stored) {
      long head = stored.head().number();
      long started = System.nanoTime();
      long[] lastReport = {started};
      report = ChainAudit.run(genesis, stored.chain(), line -> {
        err.println("audit: " + line);
        err.flush();
      }, n -> {
        long now = System.nanoTime();
        if (now - lastReport[0] >= PROGRESS_NANOS) {
          lastReport[0] = now;
          err.printf("audit: progress: block %d of %d, %.0f blocks/s%n", n, head,
              n / ((now - started) / 1e9));
          err.flush();
        }
      });
      double seconds = (System.nanoTime() - started) / 1e9;
      err.printf("audit: replayed %d blocks, %d transactions in %.1f s (%.0f blocks/s, %.0f tx/s)%n",
          report.blocks(), report.transactions(), seconds, report.blocks() / Math.max(seconds, 1e-9),
          report.transactions() / Math.max(seconds, 1e-9));
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(report.summaryLine());
    out.flush();
    return report.passed() ? 0 : 1;
  }

  private Genesis genesis(DataDirectory data) throws GenesisMismatchException {
    Path file = genesisFile;
    if (file == null) {
      return data.genesisCopy().read().orElseThrow(() -> new GenesisMismatchException(
          data.root().resolve("genesis.json") + " does not exist (a node before this version kept "
              + "no copy): give --genesis"));
    }
    try {
      Genesis given = GenesisLoader.load(file);
      data.genesisCopy().verify(given);
      return given;
    } catch (InvalidGenesisException e) {
      throw new GenesisMismatchException("genesis " + file + " is invalid: " + e.getMessage());
    }
  }
}
