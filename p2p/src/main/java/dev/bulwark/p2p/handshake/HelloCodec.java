package dev.bulwark.p2p.handshake;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;

/** RLP list [protocolVersion, chainId, chainIdentity, nodeKey, challenge, instanceId]. */
public final class HelloCodec {
  private HelloCodec() {}

  /** Encodes a hello. */
  public static Bytes encode(Hello hello) {
    return Bytes.of(Rlp.encode(Rlp.list(
        Rlp.uint(hello.protocolVersion()),
        Rlp.uint(hello.chainId()),
        Rlp.str(hello.chainIdentity()),
        Rlp.str(hello.nodeKey()),
        Rlp.str(hello.challenge()),
        Rlp.str(hello.instanceId()))));
  }

  /** Decodes a hello; any deviation from the canonical form is a {@link DecodeException}. */
  public static Hello decode(Bytes payload) {
    RlpReader r = Rlp.decodeList(payload.toArray(), "hello");
    int version = r.intValue();
    long chainId = r.longValue();
    Bytes identity = r.bytes();
    Bytes nodeKey = r.bytes(NodeKey.KEY_SIZE);
    Bytes challenge = r.bytes(Hello.CHALLENGE_SIZE);
    Bytes instance = r.bytes(Hello.INSTANCE_ID_SIZE);
    r.end();
    try {
      return new Hello(version, chainId, identity, nodeKey, challenge, instance);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("hello: " + e.getMessage(), e);
    }
  }
}
