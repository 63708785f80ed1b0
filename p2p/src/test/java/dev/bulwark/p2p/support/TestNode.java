package dev.bulwark.p2p.support;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.p2p.InboundMessage;
import dev.bulwark.p2p.P2pConfig;
import dev.bulwark.p2p.P2pNetwork;
import dev.bulwark.p2p.peer.PeerAddress;
import dev.bulwark.p2p.peer.PeerId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A started network under test with everything it received. */
public final class TestNode {
  /** The network. */
  public final P2pNetwork net;
  /** Its configuration. */
  public final P2pConfig config;
  /** The bound port. */
  public final int port;
  /** Every message delivered to the registered test handlers, in arrival order. */
  public final List<InboundMessage> inbox;

  private final List<Consumer<InboundMessage>> hooks;

  TestNode(P2pNetwork net, P2pConfig config, int port, List<InboundMessage> inbox,
      List<Consumer<InboundMessage>> hooks) {
    this.net = net;
    this.inbox = inbox;
    this.hooks = hooks;
    this.config = config;
    this.port = port;
  }

  /** Makes this node relay every new TX batch to all peers except the one it came from. */
  public void relayTx() {
    onMessage(m -> {
      if (m.type().equals(TestNet.TX)) {
        net.broadcast(TestNet.TX, m.payload(), m.from());
      }
    });
  }

  /** Runs {@code hook} on the network's event loop for every delivered VOTE or TX. */
  public void onMessage(Consumer<InboundMessage> hook) {
    hooks.add(hook);
  }

  /** This node's identity. */
  public PeerId id() {
    return net.localId();
  }

  /** This node's key. */
  public NodeKey key() {
    return config.nodeKey();
  }

  /** Where to dial it. */
  public PeerAddress address() {
    return new PeerAddress("127.0.0.1", port);
  }

  /** True when a session with {@code other} is live. */
  public boolean connectedTo(TestNode other) {
    return net.connectedPeers().contains(other.id());
  }

  /** Payloads (as UTF-8) received from {@code from}. */
  public List<String> textsFrom(PeerId from) {
    return inbox.stream().filter(m -> m.from().equals(from))
        .map(m -> new String(m.payload().toArray(), java.nio.charset.StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  /** Payloads (as UTF-8) received from anyone. */
  public List<String> texts() {
    return inbox.stream().map(m -> new String(m.payload().toArray(), java.nio.charset.StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }
}
