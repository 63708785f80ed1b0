package dev.bulwark.node.safety;

import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyDataCodec;
import dev.bulwark.consensus.safety.SafetyStorage;
import dev.bulwark.consensus.safety.SafetyStorageException;
import dev.bulwark.ledger.codec.DecodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The validator's safety data in one file, crash-safe: each save writes a temporary file, fsyncs
 * it, renames it over the old one atomically and fsyncs the directory, so after a crash at any
 * point the file holds either the previous or the new data, and once {@link #save} returns the new
 * data survives power loss (the cometbft bugs to avoid: #6030, #6031).
 *
 * <p>File format: magic "BWSD", format version 1, payload length (4 bytes, big-endian), payload
 * ({@link SafetyDataCodec}), CRC32C of the payload (4 bytes). {@link #load} rejects anything else
 * with a {@link SafetyStorageException}: a validator must not sign on guessed safety data.
 */
public final class FileSafetyStorage implements SafetyStorage {
  /** The file name inside the data directory. */
  public static final String FILE_NAME = "safety-data.bin";

  private static final byte[] MAGIC = "BWSD".getBytes(StandardCharsets.US_ASCII);
  private static final byte VERSION = 1;
  private static final int HEADER = MAGIC.length + 1 + 4;
  private static final int MAX_PAYLOAD = 4 * 1024 * 1024;

  private final Path dir;
  private final Path file;
  private final Path temp;

  /** Storage in directory {@code dir} (created if missing). */
  public FileSafetyStorage(Path dir) {
    this.dir = dir;
    this.file = dir.resolve(FILE_NAME);
    this.temp = dir.resolve(FILE_NAME + ".tmp");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SafetyStorageException("cannot create safety data directory " + dir, e);
    }
  }

  /** The file holding the data. */
  public Path file() {
    return file;
  }

  @Override
  public SafetyData load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return SafetyData.initial(0); // never saved: a new validator
    } catch (IOException e) {
      throw new SafetyStorageException("cannot read " + file, e);
    }
    return decode(bytes);
  }

  private SafetyData decode(byte[] bytes) {
    if (bytes.length < HEADER + 4 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw corrupt("not a safety data file (bad magic or too short)");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    buf.position(MAGIC.length);
    byte version = buf.get();
    int length = buf.getInt();
    if (version != VERSION) {
      throw corrupt("unknown format version " + version);
    }
    if (length < 0 || length > MAX_PAYLOAD || bytes.length != HEADER + length + 4) {
      throw corrupt("length field " + length + " does not match the file size " + bytes.length);
    }
    byte[] payload = Arrays.copyOfRange(bytes, HEADER, HEADER + length);
    buf.position(HEADER + length);
    if (buf.getInt() != crc(payload)) {
      throw corrupt("checksum mismatch");
    }
    try {
      return SafetyDataCodec.decode(payload);
    } catch (DecodeException e) {
      throw corrupt("payload does not decode: " + e.getMessage());
    }
  }

  private SafetyStorageException corrupt(String why) {
    return new SafetyStorageException(
        "safety data file "
            + file
            + " is corrupt ("
            + why
            + "); refusing to sign. Restore it from a backup; never delete it while this"
            + " validator's key is in use, or it may sign conflicting messages");
  }

  @Override
  public void save(SafetyData data) {
    byte[] payload = SafetyDataCodec.encode(data);
    ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length + 4);
    buf.put(MAGIC).put(VERSION).putInt(payload.length).put(payload).putInt(crc(payload));
    buf.flip();
    try {
      try (FileChannel ch =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true); // makes the rename itself durable
      }
    } catch (IOException e) {
      throw new SafetyStorageException("cannot make safety data durable in " + dir, e);
    }
  }

  private static int crc(byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(payload);
    return (int) c.getValue();
  }
}
