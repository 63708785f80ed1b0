package dev.bulwark.genesis.validation;

import static dev.bulwark.genesis.model.ParamSpec.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.genesis.model.ParamSpec;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code params}: every key of {@link ParamSpec} is required, nothing else is allowed. */
final class ParamsReader {
  static final String PATH = "params";
  private static final Set<String> KEYS =
      Arrays.stream(ParamSpec.values()).map(ParamSpec::key).collect(Collectors.toUnmodifiableSet());

  private final JsonReading in;
  private final Map<ParamSpec, Object> values = new EnumMap<>(ParamSpec.class);

  ParamsReader(JsonReading in) {
    this.in = in;
  }

  /** The parameters, or null when any is missing or invalid (problems recorded). */
  GenesisParams read(JsonNode node) {
    ObjectNode obj = in.object(node, PATH);
    if (obj == null) {
      return null;
    }
    in.rejectUnknown(obj, PATH, KEYS);
    boolean ok = true;
    for (ParamSpec spec : ParamSpec.values()) {
      Object v = readOne(obj, spec);
      if (v != null) {
        values.put(spec, v);
      }
      ok &= v != null;
    }
    if (!ok) {
      relationsIfKnown();
      return null;
    }
    // All values are in range here, so the constructor reports only relations between them.
    try {
      return new GenesisParams(num(EPOCH_LENGTH_BLOCKS), num(MAX_VALIDATORS), amount(MIN_STAKE),
          num(UNBONDING_PERIOD_BLOCKS), num(JAIL_DURATION_BLOCKS), num(EQUIVOCATION_SLASH_BPS),
          num(MAX_EVIDENCE_AGE_BLOCKS), num(INACTIVITY_WINDOW_SLOTS),
          num(INACTIVITY_THRESHOLD_SLOTS), num(INACTIVITY_SLASH_BPS), num(BLOCK_GAS_LIMIT),
          amount(MIN_BASE_FEE_PER_GAS), num(STAKING_CALL_GAS), (Address) values.get(ADMIN));
    } catch (dev.bulwark.genesis.model.InvalidGenesisException e) {
      in.addAll(PATH, e.problems());
      return null;
    }
  }

  /** minStake when it parsed, for the stake rules; null otherwise. */
  BigInteger minStake() {
    return (BigInteger) values.get(MIN_STAKE);
  }

  private Object readOne(ObjectNode obj, ParamSpec spec) {
    JsonNode node = in.field(obj, PATH, spec.key());
    String path = JsonReading.join(PATH, spec.key());
    Object value = switch (spec.kind()) {
      case NUMBER -> in.integer(node, path);
      case AMOUNT -> in.amount(node, path);
      case ADDRESS -> in.address(node, path);
    };
    if (value instanceof BigInteger n) {
      String reason = spec.rangeProblem(n);
      if (reason != null) {
        in.add(path, reason);
        return null;
      }
    }
    return value;
  }

  private void relationsIfKnown() {
    ParamSpec[] involved = {INACTIVITY_WINDOW_SLOTS, INACTIVITY_THRESHOLD_SLOTS,
        UNBONDING_PERIOD_BLOCKS, MAX_EVIDENCE_AGE_BLOCKS, BLOCK_GAS_LIMIT, STAKING_CALL_GAS};
    if (Arrays.stream(involved).allMatch(values::containsKey)) {
      in.addAll(PATH, GenesisParams.relationProblems(num(INACTIVITY_WINDOW_SLOTS),
          num(INACTIVITY_THRESHOLD_SLOTS), num(UNBONDING_PERIOD_BLOCKS),
          num(MAX_EVIDENCE_AGE_BLOCKS), num(BLOCK_GAS_LIMIT), num(STAKING_CALL_GAS)));
    }
  }

  private long num(ParamSpec spec) {
    return ((BigInteger) values.get(spec)).longValueExact();
  }

  private BigInteger amount(ParamSpec spec) {
    return (BigInteger) values.get(spec);
  }
}
