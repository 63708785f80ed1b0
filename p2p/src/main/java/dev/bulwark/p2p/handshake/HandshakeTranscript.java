package dev.bulwark.p2p.handshake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a side signs to prove its node key: domain tag ‖ the verifier's challenge ‖ signer
 * key ‖ verifier key ‖ chain id ‖ chain identity ‖ signer instance id. The verifier's fresh
 * challenge rules out replay; naming both keys rules out relaying the proof to a third node.
 */
public final class HandshakeTranscript {
  /** Domain separation from every other use of a node key. */
  public static final byte[] DOMAIN_TAG = "bulwark/p2p/handshake/v1".getBytes(StandardCharsets.US_ASCII);

  private HandshakeTranscript() {}

  /** What {@code signer} signs in answer to {@code verifier}'s hello. */
  public static byte[] signingBytes(Hello signer, Hello verifier) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(DOMAIN_TAG);
    out.writeBytes(verifier.challenge().toArray());
    out.writeBytes(signer.nodeKey().toArray());
    out.writeBytes(verifier.nodeKey().toArray());
    out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(signer.chainId()).array());
    out.write(signer.chainIdentity().size());
    out.writeBytes(signer.chainIdentity().toArray());
    out.writeBytes(signer.instanceId().toArray());
    return out.toByteArray();
  }
}
