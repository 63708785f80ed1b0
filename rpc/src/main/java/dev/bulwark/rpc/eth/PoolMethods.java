package dev.bulwark.rpc.eth;

import static dev.bulwark.rpc.eth.Hex.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.mempool.PoolContent;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.tx.UnsupportedTransactionTypeException;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.BatchRpcMethod;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Submission and the pool's contents. {@code eth_sendRawTransaction} runs the pool's admission and
 * answers its rejections with geth's texts (-32000); pre-EIP-155 transactions pass only when the
 * node allows them ({@code --rpc-allow-unprotected-txs}, on by default).
 */
final class PoolMethods {
  private final TransactionPool pool;
  private final boolean allowUnprotected;

  PoolMethods(TransactionPool pool, boolean allowUnprotected) {
    this.pool = pool;
    this.allowUnprotected = allowUnprotected;
  }

  void register(RpcMethods m) {
    m.register("eth_sendRawTransaction", (p, c) -> {
      p.expect(1, 1);
      return Hex.hash(submit(p.data(0)));
    }, (calls, c) -> submitAll(calls));
    m.register("txpool_status", (p, c) -> {
      p.expect(0, 0);
      PoolContent content = pool.content();
      ObjectNode o = JSON.objectNode();
      o.set("pending", Hex.quantity(content.pendingCount()));
      o.set("queued", Hex.quantity(content.queuedCount()));
      return o;
    });
    m.register("txpool_content", (p, c) -> {
      p.expect(0, 0);
      PoolContent content = pool.content();
      ObjectNode o = JSON.objectNode();
      o.set("pending", bySender(content.pending()));
      o.set("queued", bySender(content.queued()));
      return o;
    });
  }

  private dev.bulwark.ledger.types.Hash submit(Bytes raw) throws RpcException {
    SignedTransaction tx = decode(raw);
    AddResult result = pool.add(tx);
    if (result instanceof AddResult.Rejected r) {
      throw RpcException.server(r.reason().message());
    }
    return tx.hash();
  }

  /**
   * A batch's submissions: those that decode go to the pool in one admission (one lock, one relay
   * notification), each call answered as {@link #submit} would.
   */
  private List<BatchRpcMethod.Answer> submitAll(List<RpcParams> calls) {
    BatchRpcMethod.Answer[] answers = new BatchRpcMethod.Answer[calls.size()];
    List<SignedTransaction> txs = new ArrayList<>(calls.size());
    List<Integer> slots = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      try {
        calls.get(i).expect(1, 1);
        txs.add(decode(calls.get(i).data(0)));
        slots.add(i);
      } catch (RpcException e) {
        answers[i] = new BatchRpcMethod.Failure(e);
      }
    }
    List<AddResult> results = pool.addAll(txs);
    for (int k = 0; k < slots.size(); k++) {
      answers[slots.get(k)] = results.get(k) instanceof AddResult.Rejected r
          ? new BatchRpcMethod.Failure(RpcException.server(r.reason().message()))
          : new BatchRpcMethod.Result(Hex.hash(txs.get(k).hash()));
    }
    return List.of(answers);
  }

  private SignedTransaction decode(Bytes raw) throws RpcException {
    SignedTransaction tx;
    try {
      tx = TransactionCodec.decode(raw);
    } catch (UnsupportedTransactionTypeException e) {
      throw RpcException.server(RejectionReason.TYPE_NOT_SUPPORTED.message());
    } catch (DecodeException e) {
      throw RpcException.server("invalid raw transaction: not a canonical transaction encoding");
    }
    if (!allowUnprotected && tx.transaction().chainId().isEmpty()) {
      throw RpcException.server(RejectionReason.UNPROTECTED_NOT_ALLOWED.message());
    }
    return tx;
  }

  /** geth's layout: sender (EIP-55) → nonce (decimal) → transaction. */
  private static ObjectNode bySender(SortedMap<Address, List<PooledTransaction>> txs) {
    ObjectNode o = JSON.objectNode();
    txs.forEach((sender, list) -> {
      ObjectNode byNonce = o.putObject(sender.toChecksumHex());
      for (PooledTransaction t : list) {
        byNonce.set(Long.toUnsignedString(t.nonce()), TxJson.transaction(t.tx(), sender, null));
      }
    });
    return o;
  }
}
