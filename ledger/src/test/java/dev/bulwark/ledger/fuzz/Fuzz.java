package dev.bulwark.ledger.fuzz;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The invariants every fuzz target checks: only the decoder's documented exception escapes, and a
 * decoder allocates no more than a bound proportional to its input, so a lying length field is
 * refused before it is believed.
 */
public final class Fuzz {
  /** Allocation allowed whatever the input: exceptions with their stack traces, small tables. */
  public static final long BASE_ALLOCATION_BYTES = 256 * 1024;
  /** Allocation allowed per input byte: decoded objects (a 1-byte RLP item is ~100 bytes of them). */
  public static final long ALLOCATION_BYTES_PER_INPUT_BYTE = 512;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Fuzz() {}

  /** A decoder under test, allowed to throw whatever it declares. */
  @FunctionalInterface
  public interface Decoder<T> {
    /** Decodes {@code input}. */
    T decode(byte[] input) throws Exception;
  }

  /**
   * Runs {@code decoder} on {@code input}: the value when it accepts, empty when it throws
   * {@code allowed}; any other exception, or an allocation past the budget, fails the target.
   */
  public static <T> Optional<T> decode(
      String what, byte[] input, Class<? extends Exception> allowed, Decoder<T> decoder) {
    return decode(what, input, allowed, decoder, ALLOCATION_BYTES_PER_INPUT_BYTE);
  }

  /** Like {@link #decode} with {@code bytesPerInputByte} in place of the default per-byte budget. */
  public static <T> Optional<T> decode(String what, byte[] input,
      Class<? extends Exception> allowed, Decoder<T> decoder, long bytesPerInputByte) {
    long budget = BASE_ALLOCATION_BYTES + bytesPerInputByte * input.length;
    Attempt<T> first = attempt(input, allowed, decoder);
    if (first.allocated() > budget) {
      // The first call may load and initialise classes on this thread; a second, warm call
      // of the same deterministic decoder shows what the input itself costs.
      Attempt<T> warm = attempt(input, allowed, decoder);
      if (warm.allocated() > budget) {
        throw new AssertionError(what + " allocated " + warm.allocated() + " bytes for "
            + input.length + " input bytes (budget " + budget + ")");
      }
    }
    return first.value();
  }

  /** Like {@link #decode} for code that must not throw at all: it returns its value or fails. */
  public static <T> T total(String what, byte[] input, Decoder<T> code) {
    return total(what, input, code, ALLOCATION_BYTES_PER_INPUT_BYTE);
  }

  /** Like {@link #total} with {@code bytesPerInputByte} in place of the default per-byte budget. */
  public static <T> T total(String what, byte[] input, Decoder<T> code, long bytesPerInputByte) {
    return decode(what, input, NeverThrown.class, code, bytesPerInputByte)
        .orElseThrow(() -> new AssertionError(what + " returned nothing"));
  }

  /** No code throws this: the allowed exception of a {@link #total} call. */
  private static final class NeverThrown extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** Bytes allocated so far by the calling thread. */
  public static long allocatedBytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  private record Attempt<T>(Optional<T> value, long allocated) {}

  private static <T> Attempt<T> attempt(
      byte[] input, Class<? extends Exception> allowed, Decoder<T> decoder) {
    byte[] copy = input.clone();
    long before = allocatedBytes();
    Optional<T> value;
    try {
      value = Optional.of(decoder.decode(copy));
    } catch (Exception e) {
      if (!allowed.isInstance(e)) {
        throw new AssertionError(
            "undocumented " + e.getClass().getName() + " escaped: " + e.getMessage(), e);
      }
      value = Optional.empty();
    }
    long allocated = allocatedBytes() - before;
    if (!Arrays.equals(copy, input)) {
      throw new AssertionError("the decoder modified its input");
    }
    return new Attempt<>(value, allocated);
  }

  /** True when Jazzer fuzzes ({@code JAZZER_FUZZ} set) rather than replaying its corpus. */
  public static boolean fuzzing() {
    String fuzz = System.getenv("JAZZER_FUZZ");
    return fuzz != null && !fuzz.isEmpty();
  }

  /**
   * Seeds as the arguments of a {@code @MethodSource} placed before {@code @FuzzTest}: all of them
   * when fuzzing (Jazzer starts its corpus from them), none in regression mode, where each fuzz
   * class replays them in one plain test rather than in one JUnit invocation each.
   */
  public static Stream<Arguments> seeds(Collection<byte[]> seeds) {
    return fuzzing() ? seeds.stream().map(s -> Arguments.of((Object) s)) : Stream.empty();
  }

  /** {@code tag} followed by {@code body}: the input of a target that serves several decoders. */
  public static byte[] tagged(int tag, byte[] body) {
    byte[] out = new byte[body.length + 1];
    out[0] = (byte) tag;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }
}
