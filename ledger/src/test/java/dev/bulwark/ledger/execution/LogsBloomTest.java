package dev.bulwark.ledger.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Bloom;

/** The logs bloom against web3j's independent implementation of Ethereum's bloom. */
class LogsBloomTest {
  @Test
  void matchesWeb3jForRandomLogs() {
    Random random = new Random(5);
    for (int round = 0; round < 50; round++) {
      List<Log> logs = new ArrayList<>();
      Bloom reference = new Bloom();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        byte[] a = new byte[20];
        random.nextBytes(a);
        List<Hash> topics = new ArrayList<>();
        reference.add(a);
        for (int t = 0; t < random.nextInt(5); t++) {
          Hash topic = Keccak.hash(Bytes.of((byte) random.nextInt(), (byte) t));
          topics.add(topic);
          reference.add(topic.bytes().toArray());
        }
        logs.add(new Log(Address.of(a), topics, Bytes.EMPTY));
      }
      LogsBloom bloom = LogsBloom.of(logs);
      assertThat(bloom.toBytes()).isEqualTo(Bytes.of(reference.getBytes()));
      for (Log log : logs) {
        assertThat(bloom.mightContain(log.address())).isTrue();
        log.topics().forEach(t -> assertThat(bloom.mightContain(t)).isTrue());
      }
    }
  }

  @Test
  void emptyAndUnion() {
    Log a = new Log(Address.fromHex("11".repeat(20)), List.of(), Bytes.EMPTY);
    Log b = new Log(Address.fromHex("22".repeat(20)), List.of(Hash.ZERO), Bytes.EMPTY);
    assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    assertThat(LogsBloom.EMPTY.toBytes()).isEqualTo(Bytes.of(new byte[256]));
    assertThat(LogsBloom.of(List.of(a)).or(LogsBloom.of(List.of(b))))
        .isEqualTo(LogsBloom.of(List.of(a, b)));
    assertThat(LogsBloom.of(List.of(a)).mightContain(b.address())).isFalse();
    assertThat(LogsBloom.fromBytes(LogsBloom.of(List.of(b)).toBytes()))
        .isEqualTo(LogsBloom.of(List.of(b)));
  }
}
