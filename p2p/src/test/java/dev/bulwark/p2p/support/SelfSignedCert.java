package dev.bulwark.p2p.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away EC P-256 key and self-signed certificate written as PEM files. */
public record SelfSignedCert(Path keyPem, Path certPem) {
  /** Generates a pair named {@code name} under {@code dir}. */
  public static SelfSignedCert create(Path dir, String name) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + name);
      Instant now = Instant.now();
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
      X509CertificateHolder cert = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
          pair.getPublic()).build(signer);
      Path key = dir.resolve(name + "-key.pem");
      Path certPath = dir.resolve(name + "-cert.pem");
      Files.writeString(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(certPath, pem("CERTIFICATE", cert.getEncoded()));
      return new SelfSignedCert(key, certPath);
    } catch (IOException | java.security.GeneralSecurityException
        | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
