package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** The ABI codec against web3j's independent implementation, and its strictness. */
class AbiCodecTest {
  private final Random random = new Random(42);

  @Test
  void selectorsMatchTheKnownValues() {
    assertThat(StakingFunction.STAKE.selector().toHex()).isEqualTo("0x3a4b66f1");
    assertThat(StakingFunction.UNSTAKE.selector().toHex()).isEqualTo("0x2e17de78");
    assertThat(AbiCodec.ERROR_SELECTOR.toHex()).isEqualTo("0x08c379a0");
    assertThat(StakingFunction.REGISTER.signature()).isEqualTo("register(bytes,bytes,bytes)");
  }

  @ParameterizedTest
  @EnumSource(StakingFunction.class)
  void callEncodingMatchesWeb3j(StakingFunction f) throws Exception {
    for (int i = 0; i < 20; i++) {
      List<Object> args = randomValues(f.inputs());
      Bytes ours = f.encodeCall(args.toArray());
      String name = f.signature().substring(0, f.signature().indexOf('('));
      String theirs = FunctionEncoder.encode(new Function(name, web3j(f.inputs(), args), List.of()));
      assertThat(ours.toHex()).isEqualTo(theirs);
      Invocation decoded = Invocation.decode(ours);
      assertThat(decoded.function()).isEqualTo(f);
      assertThat(decoded.args()).isEqualTo(args);
    }
  }

  @ParameterizedTest
  @EnumSource(StakingFunction.class)
  void resultEncodingMatchesWeb3jAndRoundTrips(StakingFunction f) throws Exception {
    for (int i = 0; i < 20; i++) {
      List<Object> values = randomValues(f.outputs());
      Bytes ours = f.encodeResult(values.toArray());
      String theirs = "0x" + FunctionEncoder.encodeConstructor(web3j(f.outputs(), values));
      assertThat(ours.toHex()).isEqualTo(theirs);
      assertThat(AbiCodec.decode(ours, f.outputs())).isEqualTo(values);
    }
  }

  @ParameterizedTest
  @EnumSource(StakingEvent.class)
  void eventTopicsMatchWeb3j(StakingEvent e) {
    List<TypeReference<?>> params = new ArrayList<>();
    String sig = e.signature();
    String[] types = sig.substring(sig.indexOf('(') + 1, sig.length() - 1).split(",");
    for (int i = 0; i < types.length; i++) {
      params.add(typeReference(types[i], i == 0));
    }
    String name = sig.substring(0, sig.indexOf('('));
    assertThat(e.topic().toHex()).isEqualTo(EventEncoder.encode(new Event(name, params)));
  }

  @Test
  void eventLogHasTheIndexedAddressAsTopicAndTheRestAsData() {
    Address v = randomAddress();
    var log = StakingEvent.STAKED.log(StakingModule.ADDRESS, v, BigInteger.TEN, BigInteger.TWO);
    assertThat(log.address()).isEqualTo(StakingModule.ADDRESS);
    assertThat(log.topics()).containsExactly(
        AbiCodec.eventTopic("Staked(address,uint256,uint256)"), AbiCodec.topic(v));
    assertThat(log.topics().get(1).toHex()).endsWith(v.bytes().toUnprefixedHex()).startsWith("0x000000");
    assertThat(log.data()).isEqualTo(AbiCodec.encode(
        List.of(AbiType.UINT256, AbiType.UINT256), List.of(BigInteger.TEN, BigInteger.TWO)));
  }

  @Test
  void errorDataIsTheStandardErrorStringPayload() throws Exception {
    String reason = "not permitted";
    String theirs = FunctionEncoder.encode(new Function("Error", List.of(new Utf8String(reason)), List.of()));
    assertThat(AbiCodec.errorData(reason).toHex()).isEqualTo(theirs);
    assertThat(AbiCodec.decodeErrorData(AbiCodec.errorData(reason))).contains(reason);
    assertThat(AbiCodec.decodeErrorData(Bytes.fromHex("0x12345678"))).isEmpty();
  }

  @Test
  void rejectsTruncatedAndTrailingData() {
    Bytes ok = StakingFunction.UNSTAKE.encodeCall(BigInteger.ONE);
    assertRevertsAsInvalid(ok.slice(0, ok.size() - 1));
    assertRevertsAsInvalid(ok.concat(Bytes.of((byte) 0)));
    assertRevertsAsInvalid(StakingFunction.STAKE.selector().concat(Bytes.of((byte) 0)));
  }

  @Test
  void rejectsDirtyAddressHighBytesAndBadBooleans() throws Exception {
    byte[] call = StakingFunction.PERMIT.encodeCall(randomAddress()).toArray();
    call[4] = 1;
    assertRevertsAsInvalid(Bytes.of(call));
    byte[] bool = new byte[32];
    bool[31] = 2;
    assertThatThrownBy(() -> AbiCodec.decode(Bytes.of(bool), List.of(AbiType.BOOL)))
        .isInstanceOf(AbiDecodeException.class);
  }

  @Test
  void rejectsNonCanonicalOffsetsLengthsAndPadding() {
    Bytes k = Bytes.of(new byte[48]);
    Bytes p = Bytes.of(new byte[96]);
    Bytes n = Bytes.of(new byte[32]);
    byte[] good = StakingFunction.REGISTER.encodeCall(k, p, n).toArray();
    assertThat(reason(Bytes.of(good))).isEqualTo("decoded");

    byte[] offset = good.clone();
    offset[4 + 31] = (byte) 0x80; // first offset 0x60 -> 0x80
    assertRevertsAsInvalid(Bytes.of(offset));

    byte[] hugeOffset = good.clone();
    hugeOffset[4] = 1;
    assertRevertsAsInvalid(Bytes.of(hugeOffset));

    byte[] length = good.clone();
    length[4 + 96 + 31] = 65; // BLS key length 48 -> 65: the next offset is no longer canonical
    assertRevertsAsInvalid(Bytes.of(length));

    byte[] longLength = good.clone();
    longLength[4 + 96 + 30] = 0x10; // runs past the end
    assertRevertsAsInvalid(Bytes.of(longLength));

    byte[] padding = good.clone();
    padding[4 + 96 + 32 + 48] = 1; // first padding byte behind the 48-byte key
    assertRevertsAsInvalid(Bytes.of(padding));
  }

  @Test
  void unknownSelectorAndShortDataAreUnknownFunctions() {
    assertThat(reason(Bytes.fromHex("0xdeadbeef"))).isEqualTo("unknown function");
    assertThat(reason(Bytes.fromHex("0x3a4b66"))).isEqualTo("unknown function");
    assertThat(reason(Bytes.EMPTY)).isEqualTo("unknown function");
  }

  @Test
  void stringsMustBeUtf8() {
    Bytes encoded = AbiCodec.encode(List.of(AbiType.BYTES), List.of(Bytes.fromHex("0xff")));
    assertThatThrownBy(() -> AbiCodec.decode(encoded, List.of(AbiType.STRING)))
        .isInstanceOf(AbiDecodeException.class);
  }

  private static void assertRevertsAsInvalid(Bytes data) {
    assertThat(reason(data)).isEqualTo("invalid call data");
  }

  private static String reason(Bytes data) {
    try {
      Invocation.decode(data);
      return "decoded";
    } catch (Revert r) {
      return r.reason();
    }
  }

  private List<Object> randomValues(List<AbiType> types) {
    List<Object> out = new ArrayList<>();
    for (AbiType t : types) {
      out.add(switch (t) {
        case UINT256 -> new BigInteger(random.nextInt(257), random);
        case UINT8 -> random.nextInt(256);
        case ADDRESS -> randomAddress();
        case BOOL -> random.nextBoolean();
        case BYTES32 -> Hash.of(randomBytes(32).toArray());
        case BYTES -> randomBytes(random.nextInt(100));
        case STRING -> "reason " + random.nextInt();
        case ADDRESS_ARRAY -> List.of(randomAddress(), randomAddress()).subList(0, random.nextInt(3));
        case UINT256_ARRAY -> List.of(BigInteger.ONE, new BigInteger(256, random)).subList(0, random.nextInt(3));
      });
    }
    return out;
  }

  private Address randomAddress() {
    return Address.of(randomBytes(20).toArray());
  }

  private Bytes randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return Bytes.of(b);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type> web3j(List<AbiType> types, List<Object> values) {
    List<Type> out = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      Object v = values.get(i);
      out.add(switch (types.get(i)) {
        case UINT256 -> new Uint256((BigInteger) v);
        case UINT8 -> new Uint8((Integer) v);
        case ADDRESS -> new org.web3j.abi.datatypes.Address(((Address) v).toHex());
        case BOOL -> new Bool((Boolean) v);
        case BYTES32 -> new Bytes32(((Hash) v).bytes().toArray());
        case BYTES -> new DynamicBytes(((Bytes) v).toArray());
        case STRING -> new Utf8String((String) v);
        case ADDRESS_ARRAY -> new DynamicArray(org.web3j.abi.datatypes.Address.class,
            ((List<Address>) v).stream().map(a -> new org.web3j.abi.datatypes.Address(a.toHex())).toList());
        case UINT256_ARRAY -> new DynamicArray(Uint256.class,
            ((List<BigInteger>) v).stream().map(Uint256::new).toList());
      });
    }
    return out;
  }

  private static TypeReference<?> typeReference(String abiName, boolean indexed) {
    return switch (abiName) {
      case "address" -> new TypeReference<org.web3j.abi.datatypes.Address>(indexed) {};
      case "uint256" -> new TypeReference<Uint256>(indexed) {};
      case "uint8" -> new TypeReference<Uint8>(indexed) {};
      case "bytes" -> new TypeReference<DynamicBytes>(indexed) {};
      case "bytes32" -> new TypeReference<Bytes32>(indexed) {};
      case "address[]" -> new TypeReference<DynamicArray<org.web3j.abi.datatypes.Address>>(indexed) {};
      case "uint256[]" -> new TypeReference<DynamicArray<Uint256>>(indexed) {};
      default -> throw new IllegalArgumentException(abiName);
    };
  }
}
