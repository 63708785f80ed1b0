package dev.bulwark.node.network;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/** The 0x0102 payload: an RLP list of at most {@link P2pVerticle#MAX_BATCH} raw transactions. */
final class TransactionBatches {
  private TransactionBatches() {}

  /** The payload carrying {@code raws}. */
  static Bytes encode(List<Bytes> raws) {
    return Bytes.of(Rlp.encode(Rlp.list(raws.stream().map(Rlp::str).toList())));
  }

  /** The raw transactions of {@code payload}; refuses a batch over the maximum. */
  static List<Bytes> decode(Bytes payload) {
    RlpReader list = Rlp.decodeList(payload.toArray(), "transaction batch");
    if (list.size() > P2pVerticle.MAX_BATCH) {
      throw new DecodeException(
          "transaction batch of " + list.size() + " over " + P2pVerticle.MAX_BATCH);
    }
    List<Bytes> raws = new ArrayList<>(list.size());
    while (list.hasNext()) {
      raws.add(list.bytes());
    }
    return raws;
  }
}
