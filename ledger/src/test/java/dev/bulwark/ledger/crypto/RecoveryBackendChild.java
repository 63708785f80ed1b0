package dev.bulwark.ledger.crypto;

/**
 * Main class of the child JVM that {@link RecoveryBackendSwitchTest} starts: prints the backend
 * chosen at class initialization, the protocol with the parent, which is why it prints.
 */
public final class RecoveryBackendChild {
  private RecoveryBackendChild() {}

  /** Prints {@link Secp256k1#recoveryBackend()}. */
  public static void main(String[] args) {
    System.out.println(Secp256k1.recoveryBackend());
  }
}
