package dev.bulwark.node.ledger;

import static dev.bulwark.ledger.execution.ChainFixture.ETHER;
import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.MempoolConfig;
import dev.bulwark.ledger.mempool.PoolHead;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.bus.BusMessages.ExecuteReply;
import dev.bulwark.node.bus.BusMessages.ExecuteRequest;
import dev.bulwark.node.consensus.EvidencePool;
import dev.bulwark.node.status.NodeStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledger worker's answers to execution requests, one per outcome. */
class LedgerVerticleExecutionTest {
  private final ChainFixture f = new ChainFixture(3, 4, 30_000_000);
  private final Ledger builder = Ledger.open(new InMemoryStore(), f.genesis(), f.module());
  private final Ledger ledger = Ledger.open(new InMemoryStore(), f.genesis(), f.module());
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private ExecutionOutcome execute(Block block, Block parent) {
    return vertx.eventBus()
        .<ExecuteReply>request(BusMessages.LEDGER_EXECUTE,
            new ExecuteRequest(block, parent.header(), false))
        .toCompletionStage().toCompletableFuture().join().body().outcome();
  }

  @Test
  void answersExecutedInvalidOrNotAvailableNow() {
    BusMessages.registerCodecs(vertx.eventBus());
    Mempool mempool = new Mempool(MempoolConfig.defaults(),
        new TransactionRules(TransactionRules.Config.of(ChainFixture.CHAIN_ID)),
        new PoolHead(ledger.accountView(), BigInteger.ONE, 30_000_000));
    vertx.deployVerticle(new LedgerVerticle(ledger, mempool, new EvidencePool(),
            new NodeStatus(ChainFixture.CHAIN_ID, "validator", ledger.head()),
            new SimpleMeterRegistry()),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .toCompletionStage().toCompletableFuture().join();
    Block genesis = ledger.chain().block(0).orElseThrow();
    Address bob = Address.fromHex("0x" + "42".repeat(20));
    BuiltBlock b1 = builder.build(f.template(builder.head(), 0),
        List.of(f.transfer(f.user(0), 0, bob, ETHER, GWEI.multiply(BigInteger.TWO), BigInteger.ONE)),
        List.of());
    BuiltBlock b2 = builder.build(f.template(b1.block().header(), 0), List.of(), List.of());
    Block overdrawn = new Block(b1.block().header(),
        List.of(f.transfer(f.user(0), 7, bob, ETHER, GWEI.multiply(BigInteger.TWO), BigInteger.ONE)
            .raw()), List.of());

    assertThat(execute(b2.block(), b1.block()))
        .as("the parent was never executed here: not a fault of the block")
        .isInstanceOf(ExecutionOutcome.Unavailable.class);
    assertThat(execute(overdrawn, genesis)).isInstanceOf(ExecutionOutcome.Invalid.class);
    assertThat(execute(b1.block(), genesis))
        .isEqualTo(new ExecutionOutcome.Executed(
            new dev.bulwark.consensus.port.ExecutionResult(b1.result().stateRoot(),
                b1.result().transactionsRoot(), b1.result().receiptsRoot(),
                b1.result().evidenceRoot(), b1.block().header().gasLimit(),
                b1.result().gasUsed(), b1.block().header().baseFeePerGas())));
    assertThat(execute(b2.block(), b1.block())).isInstanceOf(ExecutionOutcome.Executed.class);
  }
}
