package dev.bulwark.genesis.generator;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.crypto.bls.BlsKeyPair;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.types.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validator's key directory: {@code bls.key}, {@code account.key} and {@code node.key}, each
 * one line {@code 0x} + 64 hex digits of the 32-byte secret, mode 600.
 */
public final class KeyFiles {
  /** BLS12-381 secret key, 32 bytes big-endian. */
  public static final String BLS = "bls.key";
  /** secp256k1 account private key, 32 bytes big-endian. */
  public static final String ACCOUNT = "account.key";
  /** Ed25519 node key seed, 32 bytes (RFC 8032). */
  public static final String NODE = "node.key";
  /** All three names, in the order they are written. */
  public static final List<String> NAMES = List.of(BLS, ACCOUNT, NODE);

  private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);
  private static final Pattern SECRET = Pattern.compile("0x[0-9a-f]{64}");

  private KeyFiles() {}

  /** The key files already present in {@code dir}. */
  public static List<Path> existing(Path dir) {
    return NAMES.stream().map(dir::resolve).filter(Files::exists).toList();
  }

  /** Writes the three files (mode 600); without {@code overwrite}, refuses if any exists. */
  public static void write(Path dir, ValidatorKeys keys, boolean overwrite) throws KeyFileException {
    List<Path> present = existing(dir);
    if (!overwrite && !present.isEmpty()) {
      throw new KeyFileException("refusing to overwrite existing key file " + present.get(0));
    }
    try {
      Files.createDirectories(dir);
      SecureFiles.write(dir.resolve(BLS), line(keys.bls().secretKey().toBytes()), SecureFiles.OWNER_ONLY, overwrite);
      SecureFiles.write(dir.resolve(ACCOUNT), line(keys.account().privateKey()), SecureFiles.OWNER_ONLY, overwrite);
      SecureFiles.write(dir.resolve(NODE), line(keys.node().privateKey()), SecureFiles.OWNER_ONLY, overwrite);
    } catch (IOException e) {
      throw new KeyFileException("cannot write keys to " + dir + ": " + e, e);
    }
  }

  /** Reads the three keys of {@code dir}; the message names the file and what is wrong. */
  public static ValidatorKeys read(Path dir) throws KeyFileException {
    BlsSecretKey bls = parse(dir.resolve(BLS), BlsSecretKey::fromBytes);
    Secp256k1.KeyPair account = parse(dir.resolve(ACCOUNT), Secp256k1::fromPrivateKey);
    NodeKey node = parse(dir.resolve(NODE), NodeKey::fromPrivateKey);
    return new ValidatorKeys(BlsKeyPair.fromSecretKey(bls), account, node);
  }

  private interface Parser<T> {
    T parse(Bytes secret);
  }

  private static <T> T parse(Path file, Parser<T> parser) throws KeyFileException {
    String text;
    try {
      text = Files.readString(file).strip();
      warnIfReadableByOthers(file);
    } catch (IOException e) {
      throw new KeyFileException("cannot read key file " + file + ": " + e, e);
    }
    if (!SECRET.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches()) {
      throw new KeyFileException("key file " + file + " must hold 0x followed by 64 hex digits");
    }
    try {
      return parser.parse(Bytes.fromHex(text));
    } catch (IllegalArgumentException e) {
      throw new KeyFileException("key file " + file + " holds an invalid key: " + e.getMessage(), e);
    }
  }

  private static void warnIfReadableByOthers(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (mode.stream().anyMatch(p -> !p.name().startsWith("OWNER"))) {
      LOG.warn("key file {} is accessible by other users (mode {}); chmod 600 it",
          file, java.nio.file.attribute.PosixFilePermissions.toString(mode));
    }
  }

  private static String line(Bytes secret) {
    return secret.toHex() + "\n";
  }
}
