package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.SplittableRandom;

/** One node's {@link Wire}: its view of the simulated network and of its own key. */
final class NodeWire implements Wire {
  private final Simulation sim;
  private final SimNode node;

  NodeWire(Simulation sim, SimNode node) {
    this.sim = sim;
    this.node = node;
  }

  @Override
  public int self() {
    return node.id;
  }

  @Override
  public Address address() {
    return node.key.address();
  }

  @Override
  public long chainId() {
    return Simulation.CHAIN_ID;
  }

  @Override
  public long epochLength() {
    return sim.plan().epochLength();
  }

  @Override
  public SplittableRandom random() {
    return node.random;
  }

  @Override
  public ValidatorSet validators() {
    return node.core == null ? null : node.core.validators();
  }

  @Override
  public int nodeCount() {
    return sim.nodes().size();
  }

  @Override
  public boolean isColluder(int other) {
    return sim.plan().nodes().get(other).behaviour() == BehaviourKind.COLLUDER;
  }

  @Override
  public void send(int to, ConsensusMessage message, long extraDelay) {
    if (to != node.id) {
      sim.transmit(node.id, to, message, extraDelay);
    }
  }

  @Override
  public void sendViaAccomplice(int to, ConsensusMessage message) {
    for (int i = 0; i < sim.plan().nodes().size(); i++) {
      if (sim.plan().nodes().get(i).behaviour() == BehaviourKind.ACCOMPLICE && i != to) {
        sim.transmit(i, to, message, 0);
        return;
      }
    }
  }

  @Override
  public void sendBytes(int to, Bytes bytes) {
    if (to != node.id) {
      sim.transmitBytes(node.id, to, bytes);
    }
  }

  @Override
  public BlsSignature sign(SigningData data) {
    return sim.scheme().sign(node.key.secretKey(), data.signingBytes().toArray());
  }

  @Override
  public BlsSignature badSignature() {
    byte[] junk = new byte[32];
    node.random.nextBytes(junk);
    SimKeys keys = sim.keys();
    return sim.scheme().sign(keys.get(keys.size() - 1).secretKey(), junk); // wrong key and message
  }
}
