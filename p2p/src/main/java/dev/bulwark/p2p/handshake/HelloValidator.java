package dev.bulwark.p2p.handshake;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The checks on a peer's hello (before its proof) and on its proven identity (after). */
public final class HelloValidator {
  private final Hello local;
  private final PeerAuthorizer authorizer;
  private final Function<Bytes, Optional<Instant>> bannedUntil;

  /** Checks hellos against {@code local}'s chain, the allowed keys and the ban list. */
  public HelloValidator(
      Hello local, PeerAuthorizer authorizer, Function<Bytes, Optional<Instant>> bannedUntil) {
    this.local = local;
    this.authorizer = authorizer;
    this.bannedUntil = bannedUntil;
  }

  /** Refuses a hello for another protocol, chain or genesis, a bad key, a stranger or ourselves. */
  public void checkHello(Hello remote) throws HandshakeRefusal {
    if (remote.protocolVersion() != local.protocolVersion()) {
      throw new HandshakeRefusal(RefusalReason.PROTOCOL_VERSION,
          "protocol version " + remote.protocolVersion() + ", expected " + local.protocolVersion());
    }
    if (remote.chainId() != local.chainId()) {
      throw new HandshakeRefusal(RefusalReason.CHAIN_ID,
          "chain id " + remote.chainId() + ", expected " + local.chainId());
    }
    if (!remote.chainIdentity().equals(local.chainIdentity())) {
      throw new HandshakeRefusal(RefusalReason.GENESIS,
          "genesis " + abbreviate(remote.chainIdentity()) + ", expected " + abbreviate(local.chainIdentity()));
    }
    if (!NodeKey.isValidPublicKey(remote.nodeKey())) {
      throw new HandshakeRefusal(RefusalReason.INVALID_NODE_KEY, "node key is not a valid Ed25519 key");
    }
    if (remote.nodeKey().equals(local.nodeKey()) && remote.instanceId().equals(local.instanceId())) {
      throw new HandshakeRefusal(RefusalReason.SELF, "connected to ourselves");
    }
    if (!authorizer.isAllowed(remote.nodeKey())) {
      throw new HandshakeRefusal(RefusalReason.NOT_AUTHORIZED,
          "node key " + abbreviate(remote.nodeKey()) + " is not an allowed validator or observer");
    }
  }

  /** Refuses a proven identity that is currently banned. */
  public void checkProven(Hello remote) throws HandshakeRefusal {
    Optional<Instant> until = bannedUntil.apply(remote.nodeKey());
    if (until.isPresent()) {
      throw new HandshakeRefusal(RefusalReason.BANNED,
          "node key " + abbreviate(remote.nodeKey()) + " is banned until " + until.get());
    }
  }

  /** The local hello this validator compares against. */
  public Hello local() {
    return local;
  }

  /** First bytes of a key or hash in hex, for log lines. */
  public static String abbreviate(Bytes bytes) {
    String hex = bytes.toUnprefixedHex();
    return hex.length() <= 8 ? hex : hex.substring(0, 8);
  }
}
