package dev.bulwark.node.storage;

import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.InvalidGenesisException;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The copy of the genesis a node started with, kept in its data directory so that it never runs
 * the store on another genesis and {@code bulwark audit} can replay the chain without being told
 * which genesis it belongs to. Genesis files are compared by the keccak256 of their canonical
 * JSON, so formatting and key order do not matter, but every field does.
 */
public record GenesisCopy(Path file) {
  public GenesisCopy {
    if (file == null) {
      throw new IllegalArgumentException("genesis copy path is missing");
    }
  }

  /** The hash the copy is compared by: keccak256 of the canonical JSON of {@code genesis}. */
  public static Hash hashOf(Genesis genesis) {
    return Keccak.hash(GenesisJsonWriter.write(genesis).getBytes(StandardCharsets.UTF_8));
  }

  /** The stored genesis, when the node has started here before. */
  public Optional<Genesis> read() throws GenesisMismatchException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(GenesisLoader.load(file));
    } catch (InvalidGenesisException e) {
      throw new GenesisMismatchException("the genesis copy " + file + " is not a valid genesis ("
          + e.getMessage() + "); restore it or point to another data directory");
    }
  }

  /** Fails when a copy is stored and differs from {@code genesis}, naming both hashes. */
  public void verify(Genesis genesis) throws GenesisMismatchException {
    Optional<Genesis> stored = read();
    if (stored.isEmpty()) {
      return;
    }
    Hash kept = hashOf(stored.get());
    Hash given = hashOf(genesis);
    if (!kept.equals(given)) {
      throw new GenesisMismatchException("this data directory belongs to genesis " + kept
          + " (kept in " + file + "), but the node was given genesis " + given
          + "; start it with the genesis it was created with, or use another data directory");
    }
  }

  /** Stores {@code genesis} unless a copy is already there (written whole or not at all). */
  public void keep(Genesis genesis) {
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, GenesisJsonWriter.write(genesis), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the genesis copy " + file, e);
    }
  }
}
