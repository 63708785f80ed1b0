package dev.bulwark.ledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libsecp256k1 and BouncyCastle recovery agree. This machine is the CI machine: the native library
 * must load here, so a failed load fails these tests (a silent fallback would hide broken
 * packaging).
 */
class NativeSecp256k1Test {
  private static final BigInteger P = SecP256K1Curve.q;
  private static NativeSecp256k1 lib;

  @BeforeAll
  static void loadNativeLibrary() {
    lib = NativeSecp256k1.load(); // throws, failing the class, when the library does not load
  }

  @Test
  void recoveryRunsNativeUnlessForcedToBouncyCastle() {
    boolean forced = "bc".equals(System.getProperty(Secp256k1.BACKEND_PROPERTY));
    String expected = forced ? "BouncyCastle" : "libsecp256k1";
    assertThat(Secp256k1.recoveryBackend()).isEqualTo(expected);
    assertThat(Secp256k1.selectNative("bc")).isNull();
    assertThat(Secp256k1.selectNative(null)).isNotNull();
  }

  @Test
  void backendsAgreeOnSeededSignaturesWithRightAndWrongRecoveryIds() {
    Random random = new Random(20240517L);
    int[] perRecId = new int[2];
    for (int i = 0; i < 3_000; i++) {
      Secp256k1.KeyPair key = keyPair(random);
      byte[] hash = bytes(random, 32);
      Secp256k1.Signature sig = Secp256k1.sign(hash, key);
      perRecId[sig.recId()]++;
      Optional<Bytes> bc = Secp256k1.recoverWithBouncyCastle(hash, sig);
      assertThat(lib.recover(hash, sig))
          .as("signature %d", i)
          .isEqualTo(bc)
          .contains(key.publicKey());

      Secp256k1.Signature flipped = new Secp256k1.Signature(sig.r(), sig.s(), 1 - sig.recId());
      Optional<Bytes> bcFlipped = Secp256k1.recoverWithBouncyCastle(hash, flipped);
      assertThat(bcFlipped)
          .as("wrong recId %d", i)
          .isPresent()
          .isNotEqualTo(Optional.of(key.publicKey()));
      assertThat(lib.recover(hash, flipped)).as("wrong recId %d", i).isEqualTo(bcFlipped);
    }
    assertThat(perRecId[0]).isGreaterThan(1_000);
    assertThat(perRecId[1]).isGreaterThan(1_000);
  }

  @Test
  void recoversFromManyThreadsAtOnce() {
    // The node recovers senders on several worker threads through one shared native context.
    Random random = new Random(5L);
    List<Secp256k1.KeyPair> keys = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    List<Secp256k1.Signature> sigs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      keys.add(keyPair(random));
      hashes.add(bytes(random, 32));
      sigs.add(Secp256k1.sign(hashes.get(i), keys.get(i)));
    }
    List<Integer> wrong =
        IntStream.range(0, 20 * keys.size())
            .parallel()
            .map(j -> j % keys.size())
            .filter(
                i ->
                    !lib.recover(hashes.get(i), sigs.get(i))
                        .equals(Optional.of(keys.get(i).publicKey())))
            .boxed()
            .toList();
    assertThat(wrong).isEmpty();
  }

  @Test
  void backendsAgreeOnArbitraryRAndS() {
    // Random r is an x coordinate about half of the time: both outcomes must occur and agree.
    Random random = new Random(7L);
    int empty = 0;
    for (int i = 0; i < 2_000; i++) {
      Secp256k1.Signature sig =
          new Secp256k1.Signature(scalar(random), scalar(random), random.nextInt(2));
      byte[] hash = bytes(random, 32);
      Optional<Bytes> bc = Secp256k1.recoverWithBouncyCastle(hash, sig);
      assertThat(lib.recover(hash, sig)).as("case %d", i).isEqualTo(bc);
      empty += bc.isEmpty() ? 1 : 0;
    }
    assertThat(empty).isBetween(800, 1_200);
  }

  @Test
  void backendsAgreeOnHashesAtAndAboveTheGroupOrder() {
    Secp256k1.KeyPair key = keyPair(new Random(3L));
    byte[] allOnes = new byte[32];
    Arrays.fill(allOnes, (byte) 0xff);
    for (byte[] hash : new byte[][] {new byte[32], unsigned32(Secp256k1.N), allOnes}) {
      Secp256k1.Signature sig = Secp256k1.sign(hash, key);
      assertThat(Secp256k1.recoverWithBouncyCastle(hash, sig)).contains(key.publicKey());
      assertThat(lib.recover(hash, sig)).contains(key.publicKey());
    }
  }

  @Test
  void rWithNoCurvePointRecoversNothing() {
    BigInteger r = BigInteger.ONE;
    while (isXCoordinate(r)) {
      r = r.add(BigInteger.ONE);
    }
    byte[] hash = bytes(new Random(11L), 32);
    for (int recId = 0; recId < 2; recId++) {
      Secp256k1.Signature sig = new Secp256k1.Signature(r, BigInteger.TWO, recId);
      assertThat(Secp256k1.recoverWithBouncyCastle(hash, sig)).isEmpty();
      assertThat(lib.recover(hash, sig)).isEmpty();
      assertThat(Secp256k1.recover(hash, sig)).isEmpty();
    }
  }

  @Test
  void signatureWhoseKeyWouldBeThePointAtInfinityRecoversNothing() {
    // Q = r⁻¹(s·R − e·G) is infinity when s·k ≡ e (mod n) for R = k·G.
    Random random = new Random(13L);
    Secp256k1.KeyPair nonce = keyPair(random);
    BigInteger k = new BigInteger(1, nonce.privateKey().toArray());
    BigInteger rx = new BigInteger(1, nonce.publicKey().slice(0, 32).toArray());
    int yParity = nonce.publicKey().toArray()[63] & 1;
    byte[] hash = bytes(random, 32);
    BigInteger s = new BigInteger(1, hash).multiply(k.modInverse(Secp256k1.N)).mod(Secp256k1.N);
    Secp256k1.Signature sig = new Secp256k1.Signature(rx, s, yParity);
    assertThat(Secp256k1.recoverWithBouncyCastle(hash, sig)).isEmpty();
    assertThat(lib.recover(hash, sig)).isEmpty();
  }

  private static boolean isXCoordinate(BigInteger x) {
    BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(P);
    // Euler's criterion: rhs is a square mod p iff rhs^((p-1)/2) is 0 or 1.
    return rhs.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).compareTo(BigInteger.ONE) <= 0;
  }

  private static Secp256k1.KeyPair keyPair(Random random) {
    while (true) {
      byte[] k = bytes(random, 32);
      BigInteger d = new BigInteger(1, k);
      if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
        return Secp256k1.fromPrivateKey(Bytes.of(k));
      }
    }
  }

  private static BigInteger scalar(Random random) {
    while (true) {
      BigInteger v = new BigInteger(1, bytes(random, 32));
      if (v.signum() > 0 && v.compareTo(Secp256k1.N) < 0) {
        return v;
      }
    }
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] unsigned32(BigInteger v) {
    byte[] b = v.toByteArray();
    return Arrays.copyOfRange(b, b.length - 32, b.length);
  }
}
