package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.state.merkle.MissingNodeException;
import dev.bulwark.rpc.jsonrpc.BlockTag;
import dev.bulwark.rpc.jsonrpc.RpcException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** Resolves block parameters against the committed chain, with geth's errors. */
final class Blocks {
  private final ChainReader chain;

  Blocks(ChainReader chain) {
    this.chain = chain;
  }

  ChainReader chain() {
    return chain;
  }

  /** The number {@code tag} names; empty for a number above the head or an unknown hash. */
  OptionalLong find(BlockTag tag) {
    long head = chain.head().number();
    return switch (tag.kind()) {
      case HASH -> chain.blockNumber(tag.hash()).map(OptionalLong::of).orElse(OptionalLong.empty());
      case NUMBER -> tag.number() <= head ? OptionalLong.of(tag.number()) : OptionalLong.empty();
      default -> OptionalLong.of(tag.resolve(head));
    };
  }

  /** The number {@code tag} names, or geth's {@code header not found} error. */
  long require(BlockTag tag) throws RpcException {
    OptionalLong n = find(tag);
    if (n.isEmpty()) {
      throw RpcException.server(
          tag.kind() == BlockTag.Kind.HASH ? "header for hash not found" : "header not found");
    }
    return n.getAsLong();
  }

  /** The committed block {@code tag} names, if any. */
  Optional<Block> block(BlockTag tag) {
    OptionalLong n = find(tag);
    return n.isEmpty() ? Optional.empty() : chain.block(n.getAsLong());
  }

  /** The state after the block {@code tag} names. */
  StateReader state(BlockTag tag) throws RpcException {
    long n = require(tag);
    return chain.stateAt(n).orElseThrow(() -> RpcException.server("header not found"));
  }

  /**
   * Reads {@code read} of the state after block {@code number}, turning a state node that is not
   * kept into geth's {@code missing trie node} error instead of a wrong answer.
   */
  <T> T read(long number, StateReader state, Function<StateReader, T> read) throws RpcException {
    try {
      return read.apply(state);
    } catch (MissingNodeException e) {
      Block b = chain.block(number).orElseThrow();
      throw RpcException.server("missing trie node " + b.header().stateRoot().toHex()
          + " (state of block " + number + " is not kept)");
    }
  }
}
