package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Validator key material derived from the run's seed: BLS keys by IETF KeyGen from
 * keccak256("bulwark-sim-key" ‖ seed ‖ index), the address from the key's hash. Key i is validator
 * i's in every epoch it belongs to.
 */
public final class SimKeys {
  /** One validator's keys. */
  public record Key(
      int index, BlsSecretKey secretKey, BlsPublicKey publicKey, Address address, Bytes nodeKey) {
    /** The validator-set entry with {@code power}. */
    public ValidatorInfo info(BigInteger power) {
      return new ValidatorInfo(address, publicKey, nodeKey, power);
    }
  }

  private final List<Key> keys;

  private SimKeys(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  /** {@code count} keys for {@code seed}. */
  public static SimKeys create(long seed, int count) {
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BlsSecretKey sk = BlsSecretKey.keyGen(material("bulwark-sim-key", seed, i));
      BlsPublicKey pk = sk.publicKey();
      byte[] h = Keccak.hash256(pk.toBytes().toArray());
      Address address = Address.of(Arrays.copyOfRange(h, 12, 32));
      keys.add(new Key(i, sk, pk, address, material("bulwark-sim-node", seed, i)));
    }
    return new SimKeys(keys);
  }

  private static Bytes material(String tag, long seed, int index) {
    byte[] buf = ByteBuffer.allocate(12).putLong(seed).putInt(index).array();
    return Bytes.of(Keccak.hash256(tag.getBytes(StandardCharsets.US_ASCII), buf));
  }

  /** Key {@code index}. */
  public Key get(int index) {
    return keys.get(index);
  }

  /** Number of keys. */
  public int size() {
    return keys.size();
  }

  /** All keys. */
  public List<Key> all() {
    return keys;
  }
}
