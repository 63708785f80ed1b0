package dev.bulwark.p2p;

import java.util.Objects;
import java.util.Optional;

/**
 * Optional TLS for p2p sockets: this node's PEM private key (PKCS#8) and certificate, and
 * optionally a PEM certificate (or CA) to trust when dialling. Without a trust file the dialler
 * accepts any certificate: peers are authenticated by the node-key handshake, and TLS then only
 * hides traffic from passive observers (see the README for what that does not cover).
 */
public record TlsConfig(String keyPath, String certPath, Optional<String> trustCertPath) {
  /** Validates presence of the key pair. */
  public TlsConfig {
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(certPath, "certPath");
    Objects.requireNonNull(trustCertPath, "trustCertPath");
  }
}
