package dev.bulwark.node.safety;

import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.UnsafeToSignException;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Bytes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The child JVM of {@link CrashSafetyTest}: a validator that votes round after round through {@link
 * SafetyRules} over a {@link FileSafetyStorage}, reporting on stdout each vote right after it was
 * persisted ("PERSISTED round hex") and again once "sent" ("SENT round"). On start it reports what
 * it loaded and asks to vote for a different block in the stored vote's round ("RESEND round hex"):
 * the answer must be the stored vote. With the argument "ack" it waits for a line on stdin between
 * persisting and sending each vote, so the parent can kill it exactly there; without it, it runs
 * freely and dies wherever the kill finds it.
 */
public final class SigningChild {
  static final long CHAIN_ID = 7;
  static final int MAX_ROUNDS = 100_000;

  private SigningChild() {}

  /** Args: data directory [ack]. Runs until killed (or {@link #MAX_ROUNDS}). */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    boolean ack = args.length > 1 && args[1].equals("ack");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    TestValidators validators = TestValidators.create(4, 77);
    ValidatorSet set = validators.validatorSet(0);
    TestValidators.TestValidator me = validators.get(1);
    FileSafetyStorage storage = new FileSafetyStorage(Path.of(args[0]));
    SafetyRules rules =
        new SafetyRules(
            CHAIN_ID,
            new ValidatorSigner(me.address(), me.bls().secretKey(), SignatureScheme.BLS),
            storage);
    rules.startEpoch(set);
    SafetyData loaded = rules.data();
    out.println("LOADED " + loaded.lastVotedRound());
    if (loaded.lastVote().isPresent()) {
      long r = loaded.lastVote().get().round();
      out.println("RESEND " + r + " " + hex(rules.vote(block(set, r, 1), Optional.empty())));
    }
    out.flush();
    for (long r = loaded.lastVotedRound() + 1; r < MAX_ROUNDS; r++) {
      VoteMessage vote;
      try {
        vote = rules.vote(block(set, r, 0), Optional.empty());
      } catch (UnsafeToSignException e) {
        out.println("REFUSED " + r + " " + e.getMessage());
        out.flush();
        continue;
      }
      out.println("PERSISTED " + r + " " + hex(vote));
      out.flush();
      if (ack && in.readLine() == null) {
        return;
      }
      out.println("SENT " + r);
      out.flush();
    }
  }

  static String hex(VoteMessage vote) {
    return Bytes.of(ConsensusMessageCodec.encode(vote)).toHex();
  }

  /**
   * Block of {@code round}; variants differ only in their timestamp. Its parent is a stand-in
   * certified at round - 1, so each block directly extends its QC (SafetyRules checks rounds).
   */
  static Block block(ValidatorSet set, long round, int variant) {
    BlockHeader parent =
        BlockHeader.builder()
            .number(0)
            .round(round - 1)
            .timestampMillis((round - 1) * 1000)
            .build();
    QuorumCertificate qc =
        round == 1
            ? QuorumCertificate.genesis(CHAIN_ID, set, parent.hash())
            : new QuorumCertificate(
                new VoteData(CHAIN_ID, 0, round - 1, parent.hash(), parent.parentHash(), 0),
                BlsSignature.INFINITY,
                SignerBitmap.of(set.size(), 0, 1, 2));
    BlockHeader h =
        BlockHeader.builder()
            .parentQc(qc)
            .number(1)
            .round(round)
            .timestampMillis(round * 1000 + variant)
            .build();
    return new Block(h, List.of(), List.of());
  }
}
