package dev.bulwark.node.network;

import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.handshake.PeerAuthorizer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may connect and where a validator is: the genesis validators, the current epoch's set and
 * the configured observers may open sessions (the handshake asks {@link #isAllowed}); consensus
 * addresses messages to validator addresses, which this maps to node keys. Thread-safe.
 */
public final class PeerDirectory implements PeerAuthorizer {
  private final Set<Bytes> genesisKeys;
  private final Set<Bytes> observers;
  private volatile Set<Bytes> currentKeys = Set.of();
  private final Map<Address, Bytes> nodeKeys = new ConcurrentHashMap<>();

  /** A directory of the genesis validators ({@code address → node key}) and observer keys. */
  public PeerDirectory(Map<Address, Bytes> genesisValidators, Set<Bytes> observers) {
    this.genesisKeys = Set.copyOf(genesisValidators.values());
    this.observers = Set.copyOf(observers);
    nodeKeys.putAll(genesisValidators);
  }

  /** Enters the epoch of {@code set}: its members may connect, their addresses resolve. */
  public void enter(ValidatorSet set) {
    for (ValidatorInfo v : set.validators()) {
      nodeKeys.put(v.address(), v.nodePublicKey());
    }
    currentKeys = Set.copyOf(set.validators().stream().map(ValidatorInfo::nodePublicKey).toList());
  }

  /** The node key of validator {@code address}, if known. */
  public Optional<Bytes> nodeKeyOf(Address address) {
    return Optional.ofNullable(nodeKeys.get(address));
  }

  @Override
  public boolean isAllowed(Bytes nodeKey) {
    return genesisKeys.contains(nodeKey) || currentKeys.contains(nodeKey) || observers.contains(nodeKey);
  }

  /** The consensus core's name for the peer with {@code nodeKey}. */
  public static PeerId peerId(Bytes nodeKey) {
    return new PeerId(nodeKey.toHex());
  }

  /** The node key a consensus peer name stands for. */
  public static Bytes nodeKey(PeerId peer) {
    return Bytes.fromHex(peer.id());
  }
}
