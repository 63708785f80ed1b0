package dev.bulwark.p2p.peer;

import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Live sessions by node key. Several sessions per key are kept on purpose (see the module
 * README, "Two sessions with one node key"): a key run by two processes gets one session per
 * process, and one process reached both ways gets two. Sending picks the newest session of each
 * process (peer instance id), so each process receives a message once.
 */
public final class SessionRegistry {
  private final ConcurrentHashMap<PeerId, List<Session>> byPeer = new ConcurrentHashMap<>();

  /** Adds an established session; returns how many live sessions its key now has. */
  public int add(Session session) {
    List<Session> list = byPeer.computeIfAbsent(session.peer(), k -> new CopyOnWriteArrayList<>());
    list.add(session);
    return list.size();
  }

  /** Removes a closed session. */
  public void remove(Session session) {
    byPeer.computeIfPresent(session.peer(), (k, list) -> {
      list.remove(session);
      return list.isEmpty() ? null : list;
    });
  }

  /** All live sessions of {@code peer}. */
  public List<Session> sessionsOf(PeerId peer) {
    return List.copyOf(byPeer.getOrDefault(peer, List.of()));
  }

  /** All live sessions. */
  public List<Session> all() {
    List<Session> all = new ArrayList<>();
    byPeer.values().forEach(all::addAll);
    return all;
  }

  /** Peers with at least one live session. */
  public Collection<PeerId> peers() {
    return List.copyOf(byPeer.keySet());
  }

  /** The sessions to use to reach {@code peer}: the newest one per peer process. */
  public List<Session> targets(PeerId peer) {
    Map<Bytes, Session> newest = new HashMap<>();
    for (Session s : byPeer.getOrDefault(peer, List.of())) {
      if (s.isOpen()) {
        newest.merge(s.instanceId(), s, (a, b) -> a.id() > b.id() ? a : b);
      }
    }
    List<Session> targets = new ArrayList<>(newest.values());
    targets.sort(Comparator.comparingLong(Session::id));
    return targets;
  }
}
