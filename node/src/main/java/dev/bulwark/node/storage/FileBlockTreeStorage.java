package dev.bulwark.node.storage;

import dev.bulwark.consensus.persistence.BlockTreeStorage;
import dev.bulwark.consensus.persistence.BlockTreeStorageException;
import dev.bulwark.consensus.persistence.PersistedTree;
import dev.bulwark.consensus.persistence.TreeContents;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.CertificateCodec;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.codec.DecodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consensus block tree in an append-only log, crash-safe: each save of a block or TC appends
 * one record and fsyncs before it returns (the core votes and times out only after that); a QC is
 * appended at once and fsynced with the next block or TC, or by {@link #sync} before a timeout, so
 * the usual block costs one fsync for itself and the QC it follows. Pruning appends a marker, and
 * once the log holds mostly dead records it is compacted into a temporary file that is
 * fsynced, renamed over the log atomically, and made durable by a directory fsync.
 *
 * <p>Format: magic "BWBT", version 1, then records of type (1 byte: block, QC, TC, prune), payload
 * length (4 bytes, big-endian), payload (RLP; a prune marker holds the committed number and epoch),
 * and the CRC32C of type, length and payload. A crash can tear only the last record; {@link #load}
 * keeps every record before the first one that is incomplete or fails its checksum and cuts the rest
 * off. Losing tree records never endangers safety (the safety data is separate and refuses to sign
 * twice); at worst the node waits for its peers' certificates. A file that is not a tree log at all
 * is moved aside and the tree starts empty.
 */
public final class FileBlockTreeStorage implements BlockTreeStorage {
  private static final Logger LOG = LoggerFactory.getLogger(FileBlockTreeStorage.class);

  /** The log's name inside the directory. */
  public static final String FILE_NAME = "block-tree.log";

  private static final byte[] MAGIC = "BWBT".getBytes(StandardCharsets.US_ASCII);
  private static final byte VERSION = 1;
  private static final int FILE_HEADER = MAGIC.length + 1;
  private static final int RECORD_OVERHEAD = 1 + 4 + 4;
  private static final int MAX_PAYLOAD = 64 * 1024 * 1024;
  private static final long MIN_COMPACT_BYTES = 1 << 20;
  private static final byte BLOCK = 1;
  private static final byte QC = 2;
  private static final byte TC = 3;
  private static final byte PRUNE = 4;

  private final Path dir;
  private final Path file;
  private final Path temp;
  private final TreeContents contents = new TreeContents();
  private final long minCompactBytes;
  private long size;
  private long syncs;
  private boolean unsynced;

  /** The log in directory {@code dir} (created if missing), read back at once. */
  public FileBlockTreeStorage(Path dir) {
    this(dir, MIN_COMPACT_BYTES);
  }

  /** As {@link #FileBlockTreeStorage(Path)}, compacting only logs above {@code minCompactBytes}. */
  FileBlockTreeStorage(Path dir, long minCompactBytes) {
    this.minCompactBytes = minCompactBytes;
    this.dir = dir;
    this.file = dir.resolve(FILE_NAME);
    this.temp = dir.resolve(FILE_NAME + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(temp); // a compaction that crashed before its rename
      open();
    } catch (IOException e) {
      throw new BlockTreeStorageException("cannot open the block tree log in " + dir, e);
    }
  }

  private void open() throws IOException {
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    if (bytes.length < FILE_HEADER) {
      writeFresh(); // never written, or torn while being created
      return;
    }
    if (!Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC) || bytes[MAGIC.length] != VERSION) {
      Path aside = dir.resolve(FILE_NAME + ".unreadable-" + System.currentTimeMillis());
      LOG.warn("{} is not a block tree log (version 1); moved to {}, starting with an empty tree",
          file, aside);
      Files.move(file, aside);
      writeFresh();
      return;
    }
    long valid = replay(ByteBuffer.wrap(bytes));
    if (valid < bytes.length) {
      LOG.warn("block tree log {}: dropped a torn or corrupt tail of {} bytes at offset {}", file,
          bytes.length - valid, valid);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(valid);
        ch.force(true);
      }
    }
    size = valid;
  }

  /** Replays records into the contents; returns the length of the valid prefix. */
  private long replay(ByteBuffer buf) {
    buf.position(FILE_HEADER);
    while (buf.remaining() >= RECORD_OVERHEAD) {
      int start = buf.position();
      byte type = buf.get();
      int length = buf.getInt();
      if (length < 0 || length > MAX_PAYLOAD || buf.remaining() < length + 4) {
        return start;
      }
      byte[] payload = new byte[length];
      buf.get(payload);
      if (buf.getInt() != crc(type, payload)) {
        return start;
      }
      try {
        apply(type, payload);
      } catch (DecodeException e) {
        LOG.warn("block tree log {}: record at offset {} does not decode ({})", file, start,
            e.getMessage());
        return start;
      }
    }
    return buf.position();
  }

  private void apply(byte type, byte[] payload) {
    switch (type) {
      case BLOCK -> contents.addBlock(BlockCodec.decodeBlock(payload));
      case QC -> contents.addQc(CertificateCodec.decodeQc(payload));
      case TC -> contents.addTc(CertificateCodec.decodeTc(payload));
      case PRUNE -> {
        ByteBuffer b = ByteBuffer.wrap(payload);
        contents.prune(b.getLong(), b.getLong());
      }
      default -> throw new DecodeException("unknown record type " + type);
    }
  }

  private void writeFresh() throws IOException {
    write(file, ByteBuffer.allocate(FILE_HEADER).put(MAGIC).put(VERSION).flip());
    size = FILE_HEADER;
  }

  /** Writes {@code file} whole through a temporary file: fsync, atomic rename, directory fsync. */
  private void write(Path target, ByteBuffer data) throws IOException {
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      while (data.hasRemaining()) {
        ch.write(data);
      }
      ch.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
    syncs += 2;
  }

  @Override
  public PersistedTree load() {
    return contents.snapshot();
  }

  @Override
  public void saveBlock(Block block) {
    if (contents.addBlock(block)) {
      append(BLOCK, BlockCodec.encode(block), true);
    }
  }

  @Override
  public void saveQc(QuorumCertificate qc) {
    if (contents.addQc(qc)) {
      append(QC, CertificateCodec.encode(qc), false);
    }
  }

  @Override
  public void sync() {
    if (!unsynced) {
      return;
    }
    try (FileChannel log = FileChannel.open(file, StandardOpenOption.WRITE)) {
      log.force(true);
      syncs++;
      unsynced = false;
    } catch (IOException e) {
      throw new BlockTreeStorageException("cannot make the block tree durable in " + dir, e);
    }
  }

  @Override
  public void saveTc(TimeoutCertificate tc) {
    if (contents.addTc(tc)) {
      append(TC, CertificateCodec.encode(tc), true);
    }
  }

  @Override
  public void prune(long committedNumber, long epoch) {
    if (!contents.prune(committedNumber, epoch)) {
      return;
    }
    // No fsync: a lost marker only leaves blocks the next start prunes again.
    append(PRUNE, ByteBuffer.allocate(16).putLong(committedNumber).putLong(epoch).array(), false);
    long live = liveBytes();
    if (size > minCompactBytes && size > 4 * live) {
      compact(live);
    }
  }

  private long liveBytes() {
    long live = FILE_HEADER;
    for (Block b : contents.blocks()) {
      live += RECORD_OVERHEAD + BlockCodec.encode(b).length;
    }
    for (QuorumCertificate q : contents.qcs()) {
      live += RECORD_OVERHEAD + CertificateCodec.encode(q).length;
    }
    live += contents.highestTc().map(t -> RECORD_OVERHEAD + CertificateCodec.encode(t).length).orElse(0);
    return live;
  }

  private void compact(long live) {
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(live));
    out.put(MAGIC).put(VERSION);
    PersistedTree t = contents.snapshot();
    t.blocks().forEach(b -> out.put(record(BLOCK, BlockCodec.encode(b))));
    t.qcs().forEach(q -> out.put(record(QC, CertificateCodec.encode(q))));
    t.highestTc().ifPresent(c -> out.put(record(TC, CertificateCodec.encode(c))));
    out.flip();
    try {
      write(file, out);
      size = live;
      unsynced = false;
    } catch (IOException e) {
      throw new BlockTreeStorageException("cannot compact the block tree log in " + dir, e);
    }
  }

  private void append(byte type, byte[] payload, boolean durable) {
    ByteBuffer buf = record(type, payload);
    // Opened per record: nothing to close when the node stops, and an open costs little next to
    // the fsync.
    try (FileChannel log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      while (buf.hasRemaining()) {
        size += log.write(buf);
      }
      if (durable) {
        log.force(true);
        syncs++;
      }
      unsynced = !durable;
    } catch (IOException e) {
      throw new BlockTreeStorageException("cannot make the block tree durable in " + dir, e);
    }
  }

  private static ByteBuffer record(byte type, byte[] payload) {
    ByteBuffer buf = ByteBuffer.allocate(RECORD_OVERHEAD + payload.length);
    buf.put(type).putInt(payload.length).put(payload).putInt(crc(type, payload));
    return buf.flip();
  }

  private static int crc(byte type, byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(type);
    c.update(ByteBuffer.allocate(4).putInt(payload.length).array());
    c.update(payload);
    return (int) c.getValue();
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /** Bytes in the log now. */
  public long size() {
    return size;
  }

  /** fsyncs issued so far (file and directory). */
  public long syncs() {
    return syncs;
  }
}
