package dev.bulwark.p2p;

import static dev.bulwark.p2p.support.TestNet.VOTE;
import static dev.bulwark.p2p.support.TestNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.RawPeer;
import dev.bulwark.p2p.support.SelfSignedCert;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
  private final TestNet net = new TestNet();
  @TempDir Path dir;

  @AfterEach
  void close() {
    net.close();
  }

  private TlsConfig tls(SelfSignedCert own, Optional<SelfSignedCert> trusted) {
    return new TlsConfig(own.keyPem().toString(), own.certPem().toString(),
        trusted.map(t -> t.certPem().toString()));
  }

  @Test
  void nodesTalkOverTlsWithAPinnedCertificate() {
    SelfSignedCert aCert = SelfSignedCert.create(dir, "a");
    SelfSignedCert bCert = SelfSignedCert.create(dir, "b");
    TestNode a = net.start(net.config(net.newKey()).tls(tls(aCert, Optional.of(bCert))).build());
    TestNode b = net.start(net.config(net.newKey()).tls(tls(bCert, Optional.of(aCert)))
        .peers(List.of(a.address())).build());
    Await.until("connected over TLS", () -> a.connectedTo(b) && b.connectedTo(a));
    a.net.send(b.id(), VOTE, text("encrypted vote"));
    b.net.send(a.id(), VOTE, text("encrypted answer"));
    Await.until("delivered both ways", () -> a.inbox.size() == 1 && b.inbox.size() == 1);
    assertThat(b.texts()).containsExactly("encrypted vote");
  }

  @Test
  void diallerRefusesAnUntrustedCertificateAndPlaintextPeersGetNoSession() {
    SelfSignedCert aCert = SelfSignedCert.create(dir, "a");
    SelfSignedCert other = SelfSignedCert.create(dir, "other");
    TestNode a = net.start(net.config(net.newKey()).tls(tls(aCert, Optional.empty())).build());
    TestNode b = net.start(net.config(net.newKey()).tls(tls(other, Optional.of(other))).build());
    Throwable failure = Await.failure(b.net.connect(a.address()));
    assertThat(failure).isNotNull();

    try (RawPeer plain = new RawPeer(net.vertx).connect(a.port)) {
      Await.holdsFor("no hello in clear text", Duration.ofMillis(300), plain.received::isEmpty);
    }
    assertThat(a.net.sessions()).isEmpty();
  }
}
