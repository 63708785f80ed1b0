package dev.bulwark.genesis.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.AllocAccount;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.genesis.model.ParamSpec;
import dev.bulwark.ledger.types.Address;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes a {@link Genesis} as the genesis JSON file (stable key order, two-space indent). */
public final class GenesisJsonWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GenesisJsonWriter() {}

  /** The file text, ending with a newline. */
  public static String write(Genesis genesis) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(toTree(genesis)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("writing a JSON tree to a string cannot fail", e);
    }
  }

  /** The JSON tree of {@code genesis}. */
  public static ObjectNode toTree(Genesis genesis) {
    ObjectNode root = NODES.objectNode();
    root.put("chainId", genesis.chainId());
    root.put("genesisTime", genesis.genesisTime());
    root.set("params", params(genesis.params()));
    ArrayNode validators = root.putArray("validators");
    genesis.validators().forEach(v -> validators.add(validator(v)));
    ObjectNode alloc = root.putObject("alloc");
    for (Map.Entry<Address, AllocAccount> e : genesis.alloc().entrySet()) {
      alloc.putObject(e.getKey().toChecksumHex()).put("balance", e.getValue().balance().toString());
    }
    return root;
  }

  private static ObjectNode params(GenesisParams p) {
    ObjectNode n = NODES.objectNode();
    for (ParamSpec spec : ParamSpec.values()) {
      switch (spec) {
        case EPOCH_LENGTH_BLOCKS -> n.put(spec.key(), p.epochLengthBlocks());
        case MAX_VALIDATORS -> n.put(spec.key(), p.maxValidators());
        case MIN_STAKE -> n.put(spec.key(), p.minStake().toString());
        case UNBONDING_PERIOD_BLOCKS -> n.put(spec.key(), p.unbondingPeriodBlocks());
        case JAIL_DURATION_BLOCKS -> n.put(spec.key(), p.jailDurationBlocks());
        case EQUIVOCATION_SLASH_BPS -> n.put(spec.key(), p.equivocationSlashBps());
        case MAX_EVIDENCE_AGE_BLOCKS -> n.put(spec.key(), p.maxEvidenceAgeBlocks());
        case INACTIVITY_WINDOW_SLOTS -> n.put(spec.key(), p.inactivityWindowSlots());
        case INACTIVITY_THRESHOLD_SLOTS -> n.put(spec.key(), p.inactivityThresholdSlots());
        case INACTIVITY_SLASH_BPS -> n.put(spec.key(), p.inactivitySlashBps());
        case BLOCK_GAS_LIMIT -> n.put(spec.key(), p.blockGasLimit());
        case MIN_BASE_FEE_PER_GAS -> n.put(spec.key(), p.minBaseFeePerGas().toString());
        case STAKING_CALL_GAS -> n.put(spec.key(), p.stakingCallGas());
        case ADMIN -> n.put(spec.key(), p.admin().toChecksumHex());
      }
    }
    return n;
  }

  private static ObjectNode validator(GenesisValidator v) {
    ObjectNode n = NODES.objectNode();
    n.put("address", v.address().toChecksumHex());
    n.put("blsPublicKey", v.blsPublicKey().toBytes().toHex());
    n.put("proofOfPossession", v.proofOfPossession().toBytes().toHex());
    n.put("nodePublicKey", v.nodePublicKey().toHex());
    n.put("stake", v.stake().toString());
    n.put("p2pEndpoint", v.p2pEndpoint().toString());
    return n;
  }
}
