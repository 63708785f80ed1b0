package dev.bulwark.consensus.message;

import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;

/** One valid, signed message of every type (real BLS), built on a short chain. */
public final class MessageSamples {
  private final ChainFixture chain = new ChainFixture(4, 61, 2);
  private final Block b1;
  private final Block b2;
  private final Block b4;
  private final QuorumCertificate qc1;
  private final QuorumCertificate qc2;
  private final TimeoutCertificate tc3;

  /** The samples, built on a fresh four-validator chain. */
  public MessageSamples() {
    b1 = withBody(chain.child(chain.root(), chain.rootQc(), 1, 1));
    qc1 = chain.qc(b1);
    b2 = chain.child(b1, qc1, 2, 2);
    qc2 = chain.qc(b2);
    tc3 = chain.tc(3, 3, 2);
    b4 = chain.child(b2, qc2, 4, 0);
  }

  private Block withBody(Block b) {
    return new Block(
        b.header(),
        List.of(Bytes.fromHex("0x02c0ffee"), Bytes.fromHex("0x01")),
        List.of(
            chain
                .validators()
                .equivocation(
                    3,
                    new VoteData(ChainFixture.CHAIN_ID, 1, 9, qcHash(1), qcHash(2), 8),
                    new VoteData(ChainFixture.CHAIN_ID, 1, 9, qcHash(3), qcHash(2), 8))));
  }

  private static Hash qcHash(int i) {
    byte[] b = new byte[32];
    b[5] = (byte) i;
    return Hash.of(b);
  }

  ProposalMessage proposal() {
    ProposalData d = new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 4, b4.hash());
    return new ProposalMessage(b4, chain.validators().get(0).sign(d), Optional.empty());
  }

  ProposalMessage proposalWithBodyAndTc() {
    Block b = chain.child(b2, qc2, 4, 1);
    ProposalData d = new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 4, b.hash());
    return new ProposalMessage(b, chain.validators().get(1).sign(d), Optional.of(tc3));
  }

  VoteMessage vote() {
    VoteData d = chain.voteData(b2);
    return new VoteMessage(
        d, chain.validators().get(2).address(), chain.validators().get(2).sign(d));
  }

  TimeoutMessage timeout() {
    TimeoutData d = new TimeoutData(ChainFixture.CHAIN_ID, chain.epoch(), 4, 2);
    return new TimeoutMessage(
        d,
        chain.validators().get(3).address(),
        chain.validators().get(3).sign(d),
        qc2,
        Optional.of(tc3));
  }

  SyncInfo syncInfo() {
    return new SyncInfo(chain.epoch(), Optional.of(qc2), Optional.of(qc2), Optional.of(tc3));
  }

  BlockRetrievalRequest blockRequest() {
    return new BlockRetrievalRequest(b2.hash(), 32);
  }

  BlockRetrievalResponse blockResponse() {
    return new BlockRetrievalResponse(b2.hash(), List.of(b2, b1, chain.root()));
  }

  CommittedBlocksRequest committedRequest() {
    return new CommittedBlocksRequest(101, 64);
  }

  CommittedBlocksResponse committedResponse() {
    CommittedSegment s = new CommittedSegment(List.of(b1), new CommitProof(qc2), List.of());
    return new CommittedBlocksResponse(101, 140, List.of(s));
  }

  CommittedSegment segmentWithPath() {
    Block b3 = chain.child(b2, qc2, 3, 3);
    return new CommittedSegment(List.of(b1), new CommitProof(chain.qc(b3)), List.of(b2.header()));
  }

  /** One message of every type (two proposals, two sync infos, two block responses). */
  public List<ConsensusMessage> all() {
    return List.of(
        proposal(),
        proposalWithBodyAndTc(),
        vote(),
        timeout(),
        syncInfo(),
        new SyncInfo(chain.epoch(), Optional.empty(), Optional.empty(), Optional.empty()),
        blockRequest(),
        blockResponse(),
        new BlockRetrievalResponse(b1.hash(), List.of()),
        committedRequest(),
        committedResponse());
  }

  /** A header that is not part of the chain (for negative tests). */
  BlockHeader strayHeader() {
    return chain.child(chain.root(), chain.rootQc(), 7, 3).header();
  }
}
