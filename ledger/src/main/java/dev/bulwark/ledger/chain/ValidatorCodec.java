package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire format (strict RLP) of validators and validator sets; decoders throw only
 * DecodeException (a BLS key failing KeyValidate is a decode failure).
 *
 * <pre>
 * validator = [address(20), blsKey(48), nodeKey(32), votingPower]
 * set       = [epoch, [validator...]]     validators in ascending address order
 * </pre>
 */
public final class ValidatorCodec {
  private ValidatorCodec() {}

  /** Encodes one validator. */
  public static byte[] encode(ValidatorInfo v) {
    return Rlp.encode(rlp(v));
  }

  /** Encodes a validator set. */
  public static byte[] encode(ValidatorSet set) {
    return Rlp.encode(rlp(set));
  }

  /** Decodes one validator. */
  public static ValidatorInfo decodeValidator(byte[] bytes) {
    return readValidator(Rlp.decode(bytes));
  }

  /** Decodes a validator set. */
  public static ValidatorSet decodeSet(byte[] bytes) {
    return readSet(Rlp.decode(bytes));
  }

  /** The RLP item of one validator. */
  public static RlpItem rlp(ValidatorInfo v) {
    return Rlp.list(
        Rlp.str(v.address().bytes()), Rlp.str(v.blsKey().toBytes()), Rlp.str(v.nodePublicKey()),
        Rlp.uint(v.votingPower()));
  }

  /** The RLP item of a validator set. */
  public static RlpItem rlp(ValidatorSet set) {
    List<RlpItem> vs = set.validators().stream().map(ValidatorCodec::rlp).toList();
    return Rlp.list(Rlp.uint(set.epoch()), Rlp.list(vs));
  }

  /** Reads a validator item. */
  public static ValidatorInfo readValidator(RlpItem item) {
    return Decoding.guard("validator", () -> {
      RlpReader r = RlpReader.of(item, "validator");
      ValidatorInfo v = new ValidatorInfo(
          r.address(), BlsPublicKey.fromBytes(r.bytes(BlsPublicKey.SIZE)),
          r.bytes(ValidatorInfo.NODE_KEY_SIZE), r.uint256());
      r.end();
      return v;
    });
  }

  /** Reads a validator set item. */
  public static ValidatorSet readSet(RlpItem item) {
    return Decoding.guard("validator set", () -> {
      RlpReader r = RlpReader.of(item, "validator set");
      long epoch = r.longValue();
      List<ValidatorInfo> vs = new ArrayList<>();
      for (RlpItem v : Decoding.items(r)) {
        vs.add(readValidator(v));
      }
      r.end();
      return new ValidatorSet(epoch, vs);
    });
  }
}
