package dev.bulwark.genesis.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.AllocAccount;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code alloc}: {@code {"0x<address>": {"balance": "<decimal>"}}}. */
final class AllocReader {
  static final String PATH = "alloc";
  private static final Set<String> KEYS = Set.of("balance");

  private final JsonReading in;
  private final List<BigInteger> balances = new ArrayList<>();

  AllocReader(JsonReading in) {
    this.in = in;
  }

  /** The funded accounts in file order, or null when any entry is invalid (problems recorded). */
  Map<Address, AllocAccount> read(JsonNode node) {
    if (node == null) {
      return null;
    }
    ObjectNode obj = in.object(node, PATH);
    if (obj == null) {
      return null;
    }
    Map<Address, AllocAccount> alloc = new LinkedHashMap<>();
    Map<Address, String> spelling = new HashMap<>();
    boolean ok = true;
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      String path = JsonReading.join(PATH, e.getKey());
      Address address = null;
      try {
        address = JsonReading.parseAddress(e.getKey());
      } catch (IllegalArgumentException bad) {
        in.add(path, bad.getMessage());
      }
      BigInteger balance = balance(e.getValue(), path);
      balances.add(balance);
      String first = address == null ? null : spelling.putIfAbsent(address, e.getKey());
      if (first != null) {
        // JSON keys differing only in case name the same account.
        in.add(path, "duplicate of " + JsonReading.join(PATH, first));
      }
      if (address == null || balance == null || first != null) {
        ok = false;
        continue;
      }
      alloc.put(address, new AllocAccount(balance));
    }
    return ok ? alloc : null;
  }

  /** Balances that parsed, for the supply rule. */
  List<BigInteger> balances() {
    return balances;
  }

  private BigInteger balance(JsonNode node, String path) {
    ObjectNode account = in.object(node, path);
    if (account == null) {
      return null;
    }
    in.rejectUnknown(account, path, KEYS);
    return in.amount(in.field(account, path, "balance"), path + ".balance");
  }
}
