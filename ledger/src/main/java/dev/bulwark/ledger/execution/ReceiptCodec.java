package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.tx.TransactionType;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strict RLP of receipts and logs: what the receipts root commits to and what the store keeps. The
 * bloom is not encoded (it is a function of the logs), nor the transaction hash (a receipt is found
 * by its position), so that the block-level receipt needs no block hash.
 *
 * <pre>
 * receipt = [type, status (0|1), gasUsed, cumulativeGasUsed, effectiveGasPrice, from(20),
 *            to (20 bytes, or empty), [log...], revertReason (UTF-8, empty when successful)]
 * log     = [address(20), [topic(32)...], data]
 * </pre>
 */
public final class ReceiptCodec {
  private ReceiptCodec() {}

  /** Encodes a receipt. */
  public static byte[] encode(Receipt r) {
    return Rlp.encode(rlp(r));
  }

  /** Encodes a list of receipts (one block's) as one RLP list. */
  public static byte[] encodeList(List<Receipt> receipts) {
    return Rlp.encode(Rlp.list(receipts.stream().map(ReceiptCodec::rlp).toList()));
  }

  /** Decodes a receipt. */
  public static Receipt decode(byte[] bytes) {
    return read(Rlp.decode(bytes));
  }

  /** Decodes a list of receipts. */
  public static List<Receipt> decodeList(byte[] bytes) {
    RlpReader r = RlpReader.of(Rlp.decode(bytes), "receipt list");
    List<Receipt> out = new ArrayList<>(r.size());
    while (r.hasNext()) {
      out.add(read(r.item()));
    }
    return out;
  }

  /** The RLP item of a receipt. */
  public static RlpItem rlp(Receipt r) {
    List<RlpItem> logs = new ArrayList<>(r.logs().size());
    for (Log log : r.logs()) {
      logs.add(rlp(log));
    }
    return Rlp.list(
        Rlp.uint(r.type().code()),
        Rlp.uint(r.success() ? 1 : 0),
        Rlp.uint(r.gasUsed()),
        Rlp.uint(r.cumulativeGasUsed()),
        Rlp.uint(r.effectiveGasPrice()),
        Rlp.str(r.from().bytes()),
        Rlp.str(r.to().map(Address::bytes).orElse(Bytes.EMPTY)),
        Rlp.list(logs),
        Rlp.str(r.revertReason().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0])));
  }

  /** The RLP item of a log. */
  public static RlpItem rlp(Log log) {
    List<RlpItem> topics = log.topics().stream().map(t -> Rlp.str(t.bytes())).toList();
    return Rlp.list(Rlp.str(log.address().bytes()), Rlp.list(topics), Rlp.str(log.data()));
  }

  /** Reads a receipt item; DecodeException for anything malformed. */
  public static Receipt read(RlpItem item) {
    RlpReader r = RlpReader.of(item, "receipt");
    TransactionType type = type(r.intValue());
    long status = r.longValue();
    if (status > 1) {
      throw new DecodeException("receipt: status must be 0 or 1, got " + status);
    }
    long gasUsed = r.longValue();
    long cumulative = r.longValue();
    var price = r.uint256();
    Address from = r.address();
    Bytes toBytes = r.bytes();
    Optional<Address> to;
    if (toBytes.isEmpty()) {
      to = Optional.empty();
    } else if (toBytes.size() == Address.SIZE) {
      to = Optional.of(new Address(toBytes));
    } else {
      throw new DecodeException("receipt: 'to' must be empty or 20 bytes");
    }
    RlpReader logReader = r.list();
    List<Log> logs = new ArrayList<>(logReader.size());
    while (logReader.hasNext()) {
      logs.add(readLog(logReader.item()));
    }
    Bytes reason = r.bytes();
    r.end();
    Optional<String> revertReason = status == 1 ? Optional.empty() : Optional.of(utf8(reason));
    if (status == 1 && !reason.isEmpty()) {
      throw new DecodeException("receipt: a successful receipt carries no revert reason");
    }
    try {
      return new Receipt(
          type, status == 1, gasUsed, cumulative, price, from, to, logs, revertReason);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("receipt: " + e.getMessage(), e);
    }
  }

  /** Reads a log item. */
  public static Log readLog(RlpItem item) {
    RlpReader r = RlpReader.of(item, "log");
    Address address = r.address();
    RlpReader topicReader = r.list();
    List<Hash> topics = new ArrayList<>(topicReader.size());
    while (topicReader.hasNext()) {
      topics.add(topicReader.hash());
    }
    Bytes data = r.bytes();
    r.end();
    try {
      return new Log(address, topics, data);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("log: " + e.getMessage(), e);
    }
  }

  private static TransactionType type(int code) {
    for (TransactionType t : TransactionType.values()) {
      if (t.code() == code) {
        return t;
      }
    }
    throw new DecodeException("receipt: unknown transaction type " + code);
  }

  private static String utf8(Bytes bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecodeException("receipt: revert reason is not UTF-8", e);
    }
  }
}
