package dev.bulwark.node.status;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.consensus.EvidencePool;
import dev.bulwark.rpc.bulwark.ConsensusView;
import dev.bulwark.rpc.bulwark.EvidenceView;
import dev.bulwark.rpc.bulwark.PeersView;
import java.util.List;
import java.util.Optional;

/**
 * The node's answers to the ports of the bulwark_* namespace: the snapshots the verticles keep in
 * {@link NodeStatus}, the evidence pool, and the node's identity. Every read is of volatile or
 * concurrent state, so RPC worker threads may call it at any time.
 */
public final class RpcPorts implements ConsensusView, PeersView, EvidenceView {
  private final NodeStatus status;
  private final EvidencePool evidence;
  private final String role;
  private final Bytes nodePublicKey;
  private final Optional<Address> validator;

  /** Ports over {@code status} and {@code evidence} for a node of {@code role}. */
  public RpcPorts(NodeStatus status, EvidencePool evidence, String role, Bytes nodePublicKey,
      Optional<Address> validator) {
    if (status == null || evidence == null || role == null || nodePublicKey == null
        || validator == null) {
      throw new IllegalArgumentException("RPC ports need the status, evidence and identity");
    }
    this.status = status;
    this.evidence = evidence;
    this.role = role;
    this.nodePublicKey = nodePublicKey;
    this.validator = validator;
  }

  @Override
  public ConsensusSnapshot snapshot() {
    return status.consensusSnapshot();
  }

  @Override
  public String role() {
    return role;
  }

  @Override
  public Bytes nodePublicKey() {
    return nodePublicKey;
  }

  @Override
  public Optional<Address> validatorAddress() {
    return validator;
  }

  @Override
  public List<PeerInfo> peers() {
    return status.peerInfos();
  }

  @Override
  public List<dev.bulwark.ledger.chain.Evidence> pending() {
    return evidence.pending(EvidencePool.MAX_PENDING);
  }
}
