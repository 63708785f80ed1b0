package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.EpochMessage;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evidence invariant: when two different validly signed proposals, votes or timeouts of one
 * validator for one round reach the same honest node (while it works in their epoch), that node
 * must report the equivocation by the end of the run. Signatures are checked only when two messages
 * conflict.
 */
final class EvidenceMonitor {
  private final long chainId;
  private final SignatureScheme scheme;
  private final Map<Slot, Seen> firstSeen = new HashMap<>();
  private final Map<Integer, TreeMap<Hash, Long>> expected = new TreeMap<>();
  private final Map<Integer, TreeSet<Hash>> reported = new TreeMap<>();

  private record Slot(int node, Address author, int kind, long epoch, long round) {}

  private record Seen(SigningData data, Bytes bytes, BlsSignature signature) {}

  EvidenceMonitor(long chainId, SignatureScheme scheme) {
    this.chainId = chainId;
    this.scheme = scheme;
  }

  /** {@code message} reached honest node {@code node}, which works with {@code set}. */
  void delivered(int node, EpochMessage message, ValidatorSet set, long t) {
    SigningData data;
    Address author;
    BlsSignature sig;
    if (message instanceof ProposalMessage p) {
      data = p.proposalData(chainId);
      author = p.author();
      sig = p.signature();
    } else if (message instanceof VoteMessage v) {
      data = v.vote();
      author = v.author();
      sig = v.signature();
    } else if (message instanceof TimeoutMessage m) {
      data = m.timeout();
      author = m.author();
      sig = m.signature();
    } else {
      return;
    }
    Optional<ValidatorInfo> info = set.find(author);
    if (info.isEmpty() || data.chainId() != chainId) {
      return;
    }
    Slot slot = new Slot(node, author, data.kind().code(), data.epoch(), data.round());
    Seen fresh = new Seen(data, data.signingBytes(), sig);
    Seen first = firstSeen.putIfAbsent(slot, fresh);
    if (first == null || first.bytes().equals(fresh.bytes())) {
      return;
    }
    boolean freshOk = scheme.verify(info.get().blsKey(), fresh.bytes().toArray(), sig);
    boolean firstOk =
        scheme.verify(info.get().blsKey(), first.bytes().toArray(), first.signature());
    if (!firstOk && freshOk) {
      firstSeen.put(slot, fresh);
    } else if (firstOk && freshOk) {
      Evidence e = Evidence.of(author, first.data(), first.signature(), data, sig);
      expected.computeIfAbsent(node, k -> new TreeMap<>()).putIfAbsent(e.id(), t);
    }
  }

  /** Node {@code node} crashed: it rightly forgot what it had seen. */
  void forget(int node) {
    firstSeen.keySet().removeIf(slot -> slot.node() == node);
  }

  /** Node {@code node} reported {@code e}. */
  void reported(int node, Evidence e) {
    reported.computeIfAbsent(node, k -> new TreeSet<>()).add(e.id());
  }

  /** The offences honest nodes saw but never reported. */
  List<Violation> missed() {
    List<Violation> out = new ArrayList<>();
    expected.forEach(
        (node, ids) ->
            ids.forEach(
                (id, t) -> {
                  if (!reported.getOrDefault(node, new TreeSet<>()).contains(id)) {
                    out.add(
                        new Violation(
                            Violation.Kind.EVIDENCE_MISSED,
                            t,
                            "node "
                                + node
                                + " received conflicting signed messages (offence "
                                + id
                                + ") but reported no evidence"));
                  }
                }));
    return out;
  }
}
