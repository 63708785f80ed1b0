package dev.bulwark.p2p;

import dev.bulwark.p2p.handshake.Handshake;
import dev.bulwark.p2p.metrics.P2pMetrics;
import dev.bulwark.p2p.peer.PeerId;
import dev.bulwark.p2p.peer.Session;
import dev.bulwark.p2p.peer.SessionRegistry;
import dev.bulwark.p2p.scoring.BanList;
import dev.bulwark.p2p.scoring.Offence;
import dev.bulwark.p2p.scoring.PeerScores;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies penalties and, below the threshold, bans the node key and closes its sessions. */
final class PeerDiscipline {
  private static final Logger LOG = LoggerFactory.getLogger(PeerDiscipline.class);

  private final PeerScores scores;
  private final BanList bans;
  private final SessionRegistry registry;
  private final Duration banDuration;
  private final P2pMetrics metrics;
  private final String localId;

  PeerDiscipline(PeerScores scores, BanList bans, SessionRegistry registry, Duration banDuration,
      P2pMetrics metrics, String localId) {
    this.scores = scores;
    this.bans = bans;
    this.registry = registry;
    this.banDuration = banDuration;
    this.metrics = metrics;
    this.localId = localId;
  }

  /** Lowers {@code peer}'s score for {@code offence}; bans it when the score falls too low. */
  void penalise(PeerId peer, Offence offence, String detail) {
    metrics.penalty(offence.name());
    boolean ban = scores.penalise(peer.nodeKey(), offence);
    if (offence == Offence.RATE_LIMITED || offence == Offence.DUPLICATE_FLOOD) {
      LOG.debug("[{}] penalising peer {} for {}: {}", localId, peer, offence, detail);
    } else {
      LOG.info("[{}] penalising peer {} for {}: {} (score now {})", localId, peer, offence, detail,
          ban ? "below threshold" : String.format("%.1f", scores.score(peer.nodeKey())));
    }
    if (ban) {
      ban(peer, "score fell below the threshold after " + offence);
    }
  }

  /** Bans {@code peer} for the configured time and closes all its sessions. */
  void ban(PeerId peer, String why) {
    Instant until = bans.ban(peer.nodeKey(), banDuration);
    metrics.banned();
    LOG.warn("[{}] banning peer {} until {}: {}", localId, peer, until, why);
    for (Session session : registry.sessionsOf(peer)) {
      session.closeWith(Handshake.rejectFrame("BANNED: until " + until + ": " + why));
    }
  }
}
