package dev.bulwark.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.persistence.PersistedTree;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.testkit.TestValidators;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable block tree: what is saved is read back, torn tails and junk cost only the tail. */
class FileBlockTreeStorageTest {
  private static final long CHAIN_ID = 7;
  private static final long EPOCH = 1;

  @TempDir Path dir;

  private final TestValidators validators = TestValidators.create(4, 5);

  /** A chain of {@code count} empty blocks of rounds 1.., each carrying its parent's QC. */
  private List<Block> chain(int count) {
    List<Block> out = new ArrayList<>();
    Block parent =
        new Block(
            BlockHeader.builder().number(0).timestampMillis(1_000_000).build(), List.of(), List.of());
    QuorumCertificate qc =
        QuorumCertificate.genesis(CHAIN_ID, validators.validatorSet(EPOCH), parent.hash());
    for (int round = 1; round <= count; round++) {
      BlockHeader h =
          BlockHeader.builder()
              .parentQc(qc)
              .number(parent.header().number() + 1)
              .timestampMillis(parent.header().timestampMillis() + 250)
              .proposer(validators.get(round % 4).address())
              .epoch(EPOCH)
              .round(round)
              .build();
      Block b = new Block(h, List.of(), List.of());
      out.add(b);
      qc = qcOn(b);
      parent = b;
    }
    return out;
  }

  private QuorumCertificate qcOn(Block b) {
    QuorumCertificate parentQc = b.header().parentQc().orElseThrow();
    return validators.qcByAll(
        new VoteData(
            CHAIN_ID,
            EPOCH,
            b.header().round(),
            b.hash(),
            b.header().parentHash(),
            parentQc.round()));
  }

  private TimeoutCertificate tc(long round, long hqc) {
    return validators.tc(CHAIN_ID, EPOCH, round, new int[] {0, 1, 2}, new long[] {hqc, hqc, hqc});
  }

  @Test
  void whatIsSavedIsReadBackAfterAReopen() {
    List<Block> blocks = chain(3);
    FileBlockTreeStorage s = new FileBlockTreeStorage(dir);
    blocks.forEach(s::saveBlock);
    s.saveQc(qcOn(blocks.get(2)));
    s.saveTc(tc(5, 3));
    s.saveTc(tc(4, 3)); // lower: ignored

    PersistedTree back = new FileBlockTreeStorage(dir).load();

    assertThat(back.blocks()).containsExactlyElementsOf(blocks);
    assertThat(back.qcs()).containsExactly(qcOn(blocks.get(2)));
    assertThat(back.highestTc()).contains(tc(5, 3));
    assertThat(s.syncs())
        .as("an fsync per block and TC (a QC rides on the next), plus the new file's two")
        .isEqualTo(3 + 1 + 2);
  }

  @Test
  void aSyncMakesAQcSavedAfterTheLastBlockDurable() {
    List<Block> blocks = chain(1);
    FileBlockTreeStorage s = new FileBlockTreeStorage(dir);
    s.saveBlock(blocks.get(0));
    long before = s.syncs();
    s.saveQc(qcOn(blocks.get(0)));
    assertThat(s.syncs()).isEqualTo(before);
    s.sync();
    s.sync(); // nothing new: no second fsync
    assertThat(s.syncs()).isEqualTo(before + 1);
    assertThat(new FileBlockTreeStorage(dir).load().qcs()).containsExactly(qcOn(blocks.get(0)));
  }

  @Test
  void aTornLastRecordIsCutOffAndLaterSavesAppendAfterTheGoodPrefix() throws IOException {
    List<Block> blocks = chain(3);
    FileBlockTreeStorage s = new FileBlockTreeStorage(dir);
    s.saveBlock(blocks.get(0));
    s.saveBlock(blocks.get(1));
    long good = Files.size(s.file());
    s.saveBlock(blocks.get(2));
    try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(s.file()) - 7); // the crash tore the last write
    }

    FileBlockTreeStorage reopened = new FileBlockTreeStorage(dir);
    assertThat(reopened.load().blocks()).containsExactly(blocks.get(0), blocks.get(1));
    assertThat(Files.size(s.file())).isEqualTo(good);
    reopened.saveBlock(blocks.get(2));
    assertThat(new FileBlockTreeStorage(dir).load().blocks()).containsExactlyElementsOf(blocks);
  }

  @Test
  void aRecordThatFailsItsChecksumEndsTheLog() throws IOException {
    List<Block> blocks = chain(2);
    FileBlockTreeStorage s = new FileBlockTreeStorage(dir);
    s.saveBlock(blocks.get(0));
    long good = Files.size(s.file());
    s.saveBlock(blocks.get(1));
    byte[] bytes = Files.readAllBytes(s.file());
    bytes[(int) good + 20] ^= 0x40;
    Files.write(s.file(), bytes);

    assertThat(new FileBlockTreeStorage(dir).load().blocks()).containsExactly(blocks.get(0));
  }

  @Test
  void aFileThatIsNoTreeLogIsMovedAsideAndTheTreeStartsEmpty() throws IOException {
    Files.writeString(dir.resolve(FileBlockTreeStorage.FILE_NAME), "not a log at all");
    FileBlockTreeStorage s = new FileBlockTreeStorage(dir);
    assertThat(s.load()).isEqualTo(PersistedTree.EMPTY);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(FileBlockTreeStorage.FILE_NAME + ".unreadable-"));
    }
  }

  @Test
  void pruningForgetsCommittedBlocksAndCompactsTheLog() {
    List<Block> blocks = chain(40);
    FileBlockTreeStorage s = new FileBlockTreeStorage(dir, 4096);
    for (Block b : blocks) {
      s.saveBlock(b);
      s.saveQc(qcOn(b));
    }
    long before = s.size();
    s.prune(38, EPOCH);

    assertThat(s.size()).isLessThan(before / 4);
    PersistedTree back = new FileBlockTreeStorage(dir).load();
    assertThat(back.blocks()).containsExactly(blocks.get(38), blocks.get(39));
    assertThat(back.qcs()).containsExactly(qcOn(blocks.get(38)), qcOn(blocks.get(39)));
  }

  @Test
  void aPruneMarkerIsReplayed() {
    List<Block> blocks = chain(3);
    FileBlockTreeStorage s = new FileBlockTreeStorage(dir);
    blocks.forEach(s::saveBlock);
    s.prune(1, EPOCH); // small log: a marker, no compaction

    assertThat(new FileBlockTreeStorage(dir).load().blocks())
        .containsExactly(blocks.get(1), blocks.get(2));
  }
}
