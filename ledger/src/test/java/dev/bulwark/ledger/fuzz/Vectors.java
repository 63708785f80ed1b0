package dev.bulwark.ledger.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.testdata.SharedTestData;
import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Seed inputs read at test time from the official vectors in {@code <shared>/testdata}
 * (ethereum/tests and ethers.js test cases; their licences are beside them there).
 */
public final class Vectors {
  private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]{2})*");

  private Vectors() {}

  /** Every RLP encoding of the ethereum/tests RLP suites (valid and invalid) and of ethers. */
  public static List<byte[]> rlpEncodings() {
    List<byte[]> out = new ArrayList<>();
    List<Path> files = new ArrayList<>(SharedTestData.jsonFiles("ethereum-tests/RLPTests"));
    for (Path file : files) {
      fields(SharedTestData.json(file)).forEachRemaining(e -> hex(e.getValue().get("out"), out));
    }
    for (JsonNode c : SharedTestData.json("ethers-testcases/rlp.json.gz")) {
      hex(c.get("encoded"), out);
    }
    return out;
  }

  /**
   * Raw transactions: every {@code txbytes} of ethereum/tests' TransactionTests and the signed
   * forms of the first {@code ethersCases} ethers vectors.
   */
  public static List<byte[]> rawTransactions(int ethersCases) {
    List<byte[]> out = new ArrayList<>();
    for (Path file : SharedTestData.jsonFiles("ethereum-tests/TransactionTests")) {
      fields(SharedTestData.json(file)).forEachRemaining(e -> hex(e.getValue().get("txbytes"), out));
    }
    JsonNode cases = SharedTestData.json("ethers-testcases/transactions.json.gz");
    for (int i = 0; i < Math.min(ethersCases, cases.size()); i++) {
      fields(cases.get(i)).forEachRemaining(e -> {
        if (e.getKey().startsWith("signed")) {
          hex(e.getValue(), out);
        }
      });
    }
    return out;
  }

  private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.properties().iterator();
  }

  private static void hex(JsonNode node, List<byte[]> out) {
    // A few invalid-RLP vectors are not hex at all: nothing to seed with.
    if (node != null && node.isTextual() && HEX.matcher(node.asText()).matches()) {
      String hex = node.asText();
      out.add(Bytes.fromHex(hex.startsWith("0x") ? hex : "0x" + hex).toArray());
    }
  }
}
