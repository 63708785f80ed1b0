package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.SplittableRandom;

/** What a node's {@link Behaviour} may do with the simulated network (and its own key). */
interface Wire {
  /** This node's index. */
  int self();

  /** The address of this node's validator key. */
  Address address();

  /** The chain id of the run. */
  long chainId();

  /** Blocks per epoch in this run. */
  long epochLength();

  /** This node's share of the run's randomness. */
  SplittableRandom random();

  /** The validator set of the epoch this node is in. */
  ValidatorSet validators();

  /** Number of nodes in the run. */
  int nodeCount();

  /** True when node {@code node} belongs to the colluding coalition. */
  boolean isColluder(int node);

  /** Sends {@code message} to node {@code to}, {@code extraDelay} ms later than the link would. */
  void send(int to, ConsensusMessage message, long extraDelay);

  /** Sends {@code message} to node {@code to} from the run's colluding peer, if it has one. */
  void sendViaAccomplice(int to, ConsensusMessage message);

  /** Sends raw bytes to node {@code to}. */
  void sendBytes(int to, Bytes bytes);

  /** Signs with this node's key, bypassing its safety rules (Byzantine use only). */
  BlsSignature sign(SigningData data);

  /** A signature that verifies for nobody under the run's scheme. */
  BlsSignature badSignature();
}
