package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.ValidatorCodec;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict RLP encodings of the staking module's slot values (decoders throw DecodeException).
 *
 * <pre>
 * validator record = [blsKey(48), nodeKey(32), bonded, jailed(0|1), jailedUntil]
 * unbonding        = [[amount, releaseBlock]...]
 * inactivity       = [run...]                 failure run, success run, failure run, ...
 * epoch entry      = [startBlock, validatorSet]  (set as ValidatorCodec encodes it)
 * epoch pointer    = [current, oldest]
 * registry         = [address(20)...]          ascending
 * </pre>
 */
final class StakingCodec {
  private StakingCodec() {}

  static Bytes encode(ValidatorRecord v) {
    return bytes(Rlp.list(Rlp.str(v.blsKey().toBytes()), Rlp.str(v.nodeKey()),
        Rlp.uint(v.bonded()), Rlp.uint(v.jailed() ? 1 : 0), Rlp.uint(v.jailedUntil())));
  }

  static ValidatorRecord decodeValidator(Bytes b) {
    RlpReader r = reader(b, "validator record");
    BlsPublicKey bls = BlsPublicKey.fromBytes(r.bytes(BlsPublicKey.SIZE));
    Bytes node = r.bytes(32);
    ValidatorRecord v = new ValidatorRecord(bls, node, r.uint256(), flag(r), r.longValue());
    r.end();
    return v;
  }

  static Bytes encode(Unbonding u) {
    List<RlpItem> items = u.entries().stream()
        .map(e -> Rlp.list(Rlp.uint(e.amount()), Rlp.uint(e.releaseBlock())))
        .map(RlpItem.class::cast).toList();
    return bytes(Rlp.list(items));
  }

  static Unbonding decodeUnbonding(Bytes b) {
    RlpReader r = reader(b, "unbonding");
    List<UnbondingEntry> out = new ArrayList<>();
    while (r.hasNext()) {
      RlpReader e = r.list();
      out.add(new UnbondingEntry(e.uint256(), e.longValue()));
      e.end();
    }
    return new Unbonding(out);
  }

  static Bytes encode(InactivityWindow w) {
    return bytes(Rlp.list(w.runs().stream().map(Rlp::uint).map(RlpItem.class::cast).toList()));
  }

  static InactivityWindow decodeWindow(Bytes b) {
    RlpReader r = reader(b, "inactivity window");
    List<Long> runs = new ArrayList<>();
    while (r.hasNext()) {
      runs.add(r.longValue());
    }
    return new InactivityWindow(runs);
  }

  static Bytes encode(EpochEntry e) {
    return bytes(Rlp.list(Rlp.uint(e.startBlock()), ValidatorCodec.rlp(e.set())));
  }

  static EpochEntry decodeEpochEntry(Bytes b) {
    RlpReader r = reader(b, "epoch entry");
    long start = r.longValue();
    EpochEntry e = new EpochEntry(ValidatorCodec.readSet(r.item()), start);
    r.end();
    return e;
  }

  static Bytes encode(EpochPointer p) {
    return bytes(Rlp.list(Rlp.uint(p.current()), Rlp.uint(p.oldest())));
  }

  static EpochPointer decodePointer(Bytes b) {
    RlpReader r = reader(b, "epoch pointer");
    EpochPointer p = new EpochPointer(r.longValue(), r.longValue());
    r.end();
    return p;
  }

  static Bytes encodeAddresses(List<Address> addresses) {
    return bytes(Rlp.list(addresses.stream().map(a -> Rlp.str(a.bytes()))
        .map(RlpItem.class::cast).toList()));
  }

  static List<Address> decodeAddresses(Bytes b) {
    RlpReader r = reader(b, "registry");
    List<Address> out = new ArrayList<>();
    while (r.hasNext()) {
      out.add(r.address());
    }
    return out;
  }

  private static boolean flag(RlpReader r) {
    int v = r.intValue();
    if (v > 1) {
      throw new DecodeException("jailed flag must be 0 or 1, got " + v);
    }
    return v == 1;
  }

  private static RlpReader reader(Bytes b, String what) {
    return Rlp.decodeList(b.toArray(), what);
  }

  private static Bytes bytes(RlpItem item) {
    return Bytes.of(Rlp.encode(item));
  }
}
