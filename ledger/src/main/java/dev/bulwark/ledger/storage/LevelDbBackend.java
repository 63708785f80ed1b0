package dev.bulwark.ledger.storage;

import org.fusesource.leveldbjni.JniDBFactory;
import org.iq80.leveldb.DBFactory;
import org.iq80.leveldb.impl.Iq80DBFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The two LevelDB implementations behind the one {@code org.iq80.leveldb} API. */
public enum LevelDbBackend {
  /** leveldbjni: the C++ LevelDB through JNI (about 2x the writes and 4x the reads). */
  JNI,
  /** iq80: the pure-Java port, used where the native library does not load. */
  PURE_JAVA;

  /** Setting this system property to {@code true} makes {@link #preferred()} pick pure Java. */
  public static final String FORCE_PURE_JAVA_PROPERTY = "bulwark.leveldb.pureJava";

  private static final Logger LOG = LoggerFactory.getLogger(LevelDbBackend.class);

  /** JNI when its native library loads and pure Java is not forced; else pure Java. */
  public static LevelDbBackend preferred() {
    if (Boolean.getBoolean(FORCE_PURE_JAVA_PROPERTY)) {
      return PURE_JAVA;
    }
    return JniLoader.FACTORY != null ? JNI : PURE_JAVA;
  }

  /** True when the leveldbjni native library loaded in this JVM. */
  public static boolean jniAvailable() {
    return JniLoader.FACTORY != null;
  }

  /** Why leveldbjni is unusable here ("" when it loaded). */
  public static String jniFailure() {
    return JniLoader.FAILURE;
  }

  /** The factory of this backend; throws StorageException for JNI when it did not load. */
  DBFactory factory() {
    if (this == PURE_JAVA) {
      return Iq80DBFactory.factory;
    }
    if (JniLoader.FACTORY == null) {
      throw new StorageException("leveldbjni native library did not load: " + JniLoader.FAILURE);
    }
    return JniLoader.FACTORY;
  }

  /** Human-readable name for the startup log. */
  String description() {
    return this == JNI ? "leveldbjni (native LevelDB)" : "iq80 (pure-Java LevelDB)";
  }

  /** Loads the native library once, on first use; a failure is remembered, not rethrown. */
  private static final class JniLoader {
    static final DBFactory FACTORY;
    static final String FAILURE;

    static {
      DBFactory factory = null;
      String failure = "";
      try {
        // Touching the field runs JniDBFactory's static initializer, which loads the library.
        factory = JniDBFactory.factory;
      } catch (LinkageError | RuntimeException e) {
        failure = e.toString();
        LOG.info("leveldbjni native library did not load ({}); LevelDB falls back to pure Java", failure);
      }
      FACTORY = factory;
      FAILURE = failure;
    }
  }
}
