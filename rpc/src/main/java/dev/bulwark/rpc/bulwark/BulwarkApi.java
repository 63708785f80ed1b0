package dev.bulwark.rpc.bulwark;

import static dev.bulwark.rpc.bulwark.BulwarkJson.JSON;
import static dev.bulwark.rpc.bulwark.BulwarkJson.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.staking.StakingReader;
import dev.bulwark.ledger.store.ChainStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code bulwark_*} namespace and the read-only {@code qbft_*} aliases (rpc/README.md,
 * "bulwark_* namespace"): explorers, operators and light clients read consensus data, validators,
 * slashings and commit proofs from committed state and from the node's ports.
 */
public final class BulwarkApi {
  private final Ledger ledger;
  private final ChainStore chain;
  private final ConsensusView consensus;
  private final PeersView peers;
  private final EvidenceView evidence;
  private final String clientVersion;
  private final CommitProofs proofs;

  private BulwarkApi(Ledger ledger, ConsensusView consensus, PeersView peers,
      EvidenceView evidence, String clientVersion) {
    this.ledger = ledger;
    this.chain = ledger.chain();
    this.consensus = consensus;
    this.peers = peers;
    this.evidence = evidence;
    this.clientVersion = clientVersion;
    this.proofs = new CommitProofs(chain, ledger.params().epochLengthBlocks());
  }

  /** Registers every {@code bulwark_*} and {@code qbft_*} method over the node's ports. */
  public static void register(RpcMethods methods, Ledger ledger, ConsensusView consensus,
      PeersView peers, EvidenceView evidence, String clientVersion) {
    if (ledger == null || consensus == null || peers == null || evidence == null
        || clientVersion == null) {
      throw new IllegalArgumentException("the bulwark namespace needs the ledger and every port");
    }
    BulwarkApi api = new BulwarkApi(ledger, consensus, peers, evidence, clientVersion);
    ValidatorsReport validators = new ValidatorsReport(ledger);
    SignerMetrics metrics = new SignerMetrics(ledger);
    SlashingEvents slashings = new SlashingEvents(api.chain);
    methods
        .register("bulwark_nodeInfo", (p, c) -> api.nodeInfo(p.expect(0, 0)))
        .register("bulwark_consensusStatus", (p, c) -> api.consensusStatus(p.expect(0, 0)))
        .register("bulwark_validators", (p, c) -> validators.validators(p.expect(0, 1)))
        .register("bulwark_getCommitProof", (p, c) -> api.commitProof(p.expect(1, 1)))
        .register("bulwark_getEpochChangeProof", (p, c) ->
            api.proofs.epochChangeProofs(p.expect(1, 1).quantity(0)))
        .register("bulwark_slashingEvents", (p, c) -> slashings.events(p.expect(2, 2)))
        .register("bulwark_signerMetrics", (p, c) -> metrics.bulwark(p.expect(0, 2), c.limits()))
        .register("bulwark_getEvidence", (p, c) -> api.evidence(p.expect(1, 1).hash(0)))
        .register("bulwark_pendingEvidence", (p, c) -> api.pendingEvidence(p.expect(0, 0)))
        .register("bulwark_peers", (p, c) -> api.peers(p.expect(0, 0)));
    QbftAliases.register(methods, validators, metrics);
  }

  private JsonNode nodeInfo(RpcParams unused) {
    ObjectNode o = JSON.objectNode();
    o.put("version", clientVersion);
    o.put("chainId", quantity(ledger.params().chainId()));
    o.put("genesisHash", chain.block(0).map(Block::hash).map(Hash::toHex).orElseThrow());
    o.put("nodePublicKey", consensus.nodePublicKey().toHex());
    o.put("role", consensus.role());
    Optional<String> address = consensus.validatorAddress().map(a -> a.toHex());
    if (address.isPresent()) {
      o.put("validatorAddress", address.get());
    } else {
      o.putNull("validatorAddress");
    }
    o.put("dataSchemaVersion", quantity(ChainStore.SCHEMA_VERSION));
    return o;
  }

  private JsonNode consensusStatus(RpcParams unused) {
    ConsensusView.ConsensusSnapshot s = consensus.snapshot();
    BlockHeader head = chain.head();
    ObjectNode o = JSON.objectNode();
    o.put("epoch", quantity(s.epoch()));
    o.put("round", quantity(s.round()));
    o.put("committedHeight", quantity(head.number()));
    o.put("committedHash", head.hash().toHex());
    o.put("highestQcRound", quantity(s.highestQcRound()));
    if (s.leader().isPresent()) {
      o.put("currentLeader", s.leader().get().toHex());
    } else {
      o.putNull("currentLeader");
    }
    o.put("lastCommitTime", quantity(s.lastCommitMillis()));
    o.put("consecutiveTimeouts", quantity(s.consecutiveTimeouts()));
    o.put("syncing", s.syncing());
    return o;
  }

  private JsonNode commitProof(RpcParams p) throws RpcException {
    Optional<Long> number = CommitProofs.resolve(chain, p.blockTag(0));
    return number.isEmpty() ? NullNode.getInstance() : proofs.commitProof(number.get());
  }

  /** Pending evidence first, then the block that applied the offence; else an error. */
  private JsonNode evidence(Hash id) throws RpcException {
    for (Evidence e : evidence.pending()) {
      if (e.id().equals(id)) {
        ObjectNode o = JSON.objectNode();
        o.put("status", "pending");
        o.putNull("blockNumber");
        o.set("evidence", BulwarkJson.evidence(e));
        return o;
      }
    }
    OptionalLong at = new StakingReader(chain.headState()).evidenceAppliedAt(id);
    if (at.isPresent()) {
      Optional<Evidence> found = chain.block(at.getAsLong()).flatMap(
          b -> b.evidence().stream().filter(e -> e.id().equals(id)).findFirst());
      if (found.isPresent()) {
        ObjectNode o = JSON.objectNode();
        o.put("status", "applied");
        o.put("blockNumber", quantity(at.getAsLong()));
        o.set("evidence", BulwarkJson.evidence(found.get()));
        return o;
      }
    }
    throw RpcException.server("evidence not found");
  }

  private JsonNode pendingEvidence(RpcParams unused) {
    ArrayNode out = JSON.arrayNode();
    evidence.pending().forEach(e -> out.add(BulwarkJson.evidence(e)));
    return out;
  }

  private JsonNode peers(RpcParams unused) {
    ArrayNode out = JSON.arrayNode();
    for (PeersView.PeerInfo peer : peers.peers()) {
      ObjectNode o = out.addObject();
      o.put("nodeKey", peer.nodeKey().toHex());
      o.put("address", peer.remoteAddress());
      o.put("direction", peer.direction());
      o.put("score", peer.score());
      o.put("role", peer.role());
      if (peer.height() >= 0) {
        o.put("height", quantity(peer.height()));
      } else {
        o.putNull("height");
      }
    }
    return out;
  }
}
