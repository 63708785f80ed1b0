package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire format of Ethereum transactions (ETH-RPC.md section 3): legacy, EIP-2930 and EIP-1559
 * envelopes, their signing hashes, over strict canonical RLP.
 *
 * <p>Decoding accepts every well-formed transaction (contract creation, any chain id, any nonce
 * and gas limit that fit their uint64 fields); whether Bulwark admits it is {@link
 * TransactionRules}'s decision. Any malformed input raises a {@link DecodeException}, and
 * decoding then re-encoding gives back the exact input bytes.
 */
public final class TransactionCodec {
  private static final int LEGACY_MIN_PREFIX = 0xc0;
  private static final BigInteger V_27 = BigInteger.valueOf(27);
  private static final BigInteger V_28 = BigInteger.valueOf(28);
  private static final BigInteger V_35 = BigInteger.valueOf(35);

  private TransactionCodec() {}

  /** Decodes raw transaction bytes as received by {@code eth_sendRawTransaction}. */
  public static SignedTransaction decode(byte[] raw) {
    return decode(Bytes.of(raw));
  }

  /** Decodes raw transaction bytes as received by {@code eth_sendRawTransaction}. */
  public static SignedTransaction decode(Bytes raw) {
    return new SignedTransaction(decodeFields(raw.toArray()), raw);
  }

  /** The canonical encoding of {@code tx} (typed: type byte followed by the RLP list). */
  public static byte[] encode(Transaction tx) {
    return envelope(tx.type(), Rlp.list(fields(tx, true)));
  }

  /** The hash the sender signs: keccak256 of the unsigned payload of {@code tx}'s envelope. */
  public static Hash signingHash(Transaction tx) {
    List<RlpItem> items = fields(tx, false);
    if (tx instanceof LegacyTransaction legacy && legacy.isProtected()) {
      // EIP-155: the chain id and two empty strings stand where v, r and s go.
      items.add(Rlp.uint(legacy.chainId().orElseThrow()));
      items.add(Rlp.str(Bytes.EMPTY));
      items.add(Rlp.str(Bytes.EMPTY));
    }
    return Keccak.hash(envelope(tx.type(), Rlp.list(items)));
  }

  private static Transaction decodeFields(byte[] raw) {
    if (raw.length == 0) {
      throw new DecodeException("transaction: empty input");
    }
    int first = raw[0] & 0xff;
    try {
      if (first >= LEGACY_MIN_PREFIX) {
        return decodeLegacy(Rlp.decodeList(raw, "legacy transaction"));
      }
      if (first == TransactionType.ACCESS_LIST.code()) {
        return decodeAccessList(typedBody(raw, "EIP-2930 transaction"));
      }
      if (first == TransactionType.DYNAMIC_FEE.code()) {
        return decodeDynamicFee(typedBody(raw, "EIP-1559 transaction"));
      }
    } catch (IllegalArgumentException e) {
      // Every field is range-checked before the records see it; this keeps the "only
      // DecodeException for bad bytes" contract even if a record check is ever stricter.
      throw new DecodeException("transaction: " + e.getMessage(), e);
    }
    throw new UnsupportedTransactionTypeException(first);
  }

  private static RlpReader typedBody(byte[] raw, String what) {
    return RlpReader.of(Rlp.decode(raw, 1, raw.length - 1), what);
  }

  private static LegacyTransaction decodeLegacy(RlpReader r) {
    long nonce = r.uint64();
    BigInteger gasPrice = r.uint256();
    long gasLimit = r.uint64();
    Optional<Address> to = to(r);
    BigInteger value = r.uint256();
    Bytes data = r.bytes();
    BigInteger v = r.uint256();
    BigInteger sigR = r.uint256();
    BigInteger sigS = r.uint256();
    r.end();
    Optional<BigInteger> chainId;
    int parity;
    if (v.equals(V_27) || v.equals(V_28)) {
      chainId = Optional.empty();
      parity = v.subtract(V_27).intValueExact();
    } else if (v.compareTo(V_35) >= 0) {
      BigInteger offset = v.subtract(V_35);
      chainId = Optional.of(offset.shiftRight(1));
      parity = offset.testBit(0) ? 1 : 0;
    } else {
      throw new DecodeException("legacy transaction: v must be 27, 28 or at least 35, got " + v);
    }
    return new LegacyTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data,
        new TransactionSignature(parity, sigR, sigS));
  }

  private static AccessListTransaction decodeAccessList(RlpReader r) {
    BigInteger chainId = r.uint256();
    long nonce = r.uint64();
    BigInteger gasPrice = r.uint256();
    long gasLimit = r.uint64();
    Optional<Address> to = to(r);
    BigInteger value = r.uint256();
    Bytes data = r.bytes();
    List<AccessListEntry> accessList = accessList(r.list());
    TransactionSignature sig = typedSignature(r);
    r.end();
    return new AccessListTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, sig);
  }

  private static DynamicFeeTransaction decodeDynamicFee(RlpReader r) {
    BigInteger chainId = r.uint256();
    long nonce = r.uint64();
    BigInteger maxPriorityFee = r.uint256();
    BigInteger maxFee = r.uint256();
    long gasLimit = r.uint64();
    Optional<Address> to = to(r);
    BigInteger value = r.uint256();
    Bytes data = r.bytes();
    List<AccessListEntry> accessList = accessList(r.list());
    TransactionSignature sig = typedSignature(r);
    r.end();
    return new DynamicFeeTransaction(
        chainId, nonce, maxPriorityFee, maxFee, gasLimit, to, value, data, accessList, sig);
  }

  /** {@code to}: the empty string (contract creation) or exactly 20 bytes. */
  private static Optional<Address> to(RlpReader r) {
    Bytes b = r.bytes();
    if (b.isEmpty()) {
      return Optional.empty();
    }
    if (b.size() != Address.SIZE) {
      throw new DecodeException(
          "transaction: 'to' must be empty or " + Address.SIZE + " bytes, got " + b.size());
    }
    return Optional.of(new Address(b));
  }

  private static List<AccessListEntry> accessList(RlpReader list) {
    List<AccessListEntry> entries = new ArrayList<>(list.size());
    while (list.hasNext()) {
      RlpReader entry = list.list();
      Address address = entry.address();
      RlpReader keyList = entry.list();
      entry.end();
      List<Hash> keys = new ArrayList<>(keyList.size());
      while (keyList.hasNext()) {
        keys.add(keyList.hash());
      }
      entries.add(new AccessListEntry(address, keys));
    }
    return entries;
  }

  private static TransactionSignature typedSignature(RlpReader r) {
    BigInteger yParity = r.uint256();
    BigInteger sigR = r.uint256();
    BigInteger sigS = r.uint256();
    if (yParity.compareTo(BigInteger.ONE) > 0) {
      throw new DecodeException("typed transaction: yParity must be 0 or 1, got " + yParity);
    }
    return new TransactionSignature(yParity.intValue(), sigR, sigS);
  }

  /** The envelope's fields in wire order; with {@code signed}, v/yParity, r and s included. */
  private static List<RlpItem> fields(Transaction tx, boolean signed) {
    List<RlpItem> items = new ArrayList<>(12);
    if (tx.type() != TransactionType.LEGACY) {
      items.add(Rlp.uint(tx.chainId().orElseThrow()));
    }
    items.add(Rlp.uint(Uint.unsigned(tx.nonce())));
    if (tx instanceof DynamicFeeTransaction d) {
      items.add(Rlp.uint(d.maxPriorityFeePerGas()));
      items.add(Rlp.uint(d.maxFeePerGas()));
    } else {
      items.add(Rlp.uint(tx.maxFeePerGas()));
    }
    items.add(Rlp.uint(Uint.unsigned(tx.gasLimit())));
    items.add(Rlp.str(tx.to().map(Address::bytes).orElse(Bytes.EMPTY)));
    items.add(Rlp.uint(tx.value()));
    items.add(Rlp.str(tx.data()));
    if (tx.type() != TransactionType.LEGACY) {
      items.add(accessListItem(tx.accessList()));
    }
    if (signed) {
      items.add(Rlp.uint(tx.v()));
      items.add(Rlp.uint(tx.signature().r()));
      items.add(Rlp.uint(tx.signature().s()));
    }
    return items;
  }

  private static RlpItem accessListItem(List<AccessListEntry> accessList) {
    List<RlpItem> entries = new ArrayList<>(accessList.size());
    for (AccessListEntry e : accessList) {
      List<RlpItem> keys = new ArrayList<>(e.storageKeys().size());
      for (Hash k : e.storageKeys()) {
        keys.add(Rlp.str(k.bytes()));
      }
      entries.add(Rlp.list(Rlp.str(e.address().bytes()), Rlp.list(keys)));
    }
    return Rlp.list(entries);
  }

  private static byte[] envelope(TransactionType type, RlpItem body) {
    byte[] rlp = Rlp.encode(body);
    if (type == TransactionType.LEGACY) {
      return rlp;
    }
    byte[] out = new byte[rlp.length + 1];
    out[0] = (byte) type.code();
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }
}
