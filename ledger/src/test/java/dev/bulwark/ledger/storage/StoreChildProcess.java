package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Main class of the child JVM that the storage tests start and kill. Its stdout is the protocol
 * with the parent (one line per event), which is why it prints instead of logging.
 *
 * <ul>
 *   <li>{@code write DIR BACKEND}: appends numbered "blocks" forever, printing {@code committed N}
 *       after block N's synced batch returned.
 *   <li>{@code hold DIR BACKEND}: opens the store, prints {@code open}, keeps it open until stdin
 *       closes.
 * </ul>
 */
public final class StoreChildProcess {
  /** Schema version the child and its parent agree on. */
  static final int SCHEMA_VERSION = 1;
  /** Chain identity the child and its parent agree on. */
  static final Bytes CHAIN = Bytes.fromHex("0x" + "ab".repeat(32));
  /** Accounts every block rewrites: all must carry the same block number afterwards. */
  static final int ACCOUNTS = 300;
  /** Fresh keys every block adds. */
  static final int BLOCK_KEYS = 200;

  /** Prefix of the line announcing a durable block; iq80 prints other lines on recovery. */
  static final String COMMITTED = "committed ";

  static final Bytes HEAD_KEY = Bytes.of("test:head".getBytes(StandardCharsets.UTF_8));

  private StoreChildProcess() {}

  /** Entry point: {@code write|hold DIR JNI|PURE_JAVA}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[1]);
    LevelDbBackend backend = LevelDbBackend.valueOf(args[2]);
    try (LevelDbStore store = LevelDbStore.open(dir, SCHEMA_VERSION, CHAIN, backend)) {
      if (args[0].equals("hold")) {
        System.out.println("open");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
          // wait for the parent to close our stdin
        }
        return;
      }
      long block = head(store).orElse(0L);
      while (true) {
        block++;
        store.write(blockBatch(block), Durability.SYNC);
        System.out.println(COMMITTED + block);
        System.out.flush();
      }
    }
  }

  /** The batch of block {@code n}: rewrites every account, adds fresh keys, moves the head. */
  static WriteBatch blockBatch(long n) {
    WriteBatch batch = new WriteBatch();
    for (int a = 0; a < ACCOUNTS; a++) {
      batch.put(accountKey(a), accountValue(n, a));
    }
    for (int i = 0; i < BLOCK_KEYS; i++) {
      batch.put(blockKey(n, i), accountValue(n, -1 - i));
    }
    return batch.put(HEAD_KEY, Bytes.of(ByteBuffer.allocate(8).putLong(n).array()));
  }

  static Optional<Long> head(KeyValueStore store) {
    return store.get(HEAD_KEY).map(b -> ByteBuffer.wrap(b.toArray()).getLong());
  }

  static Bytes accountKey(int account) {
    return Bytes.of(ByteBuffer.allocate(9).put((byte) 'a').putLong(account).array());
  }

  static Bytes blockKey(long block, int index) {
    return Bytes.of(ByteBuffer.allocate(13).put((byte) 'b').putLong(block).putInt(index).array());
  }

  /** Block number of a block key. */
  static long blockOf(Bytes blockKey) {
    return ByteBuffer.wrap(blockKey.toArray(), 1, 8).getLong();
  }

  /** Index within its block of a block key. */
  static int indexOf(Bytes blockKey) {
    return ByteBuffer.wrap(blockKey.toArray(), 9, 4).getInt();
  }

  /** A 96-byte value derived from (block, slot) so a stale or torn value is detectable. */
  static Bytes accountValue(long block, int slot) {
    byte[] seed = ByteBuffer.allocate(12).putLong(block).putInt(slot).array();
    byte[] h = Keccak.hash256(seed);
    return Bytes.of(seed).concat(Bytes.of(h)).concat(Bytes.of(Keccak.hash256(h))).concat(Bytes.of(h, 0, 20));
  }
}
