package dev.bulwark.genesis.validation;

import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a genesis file: the genesis when there were no errors, every error
 * otherwise, and non-fatal warnings (only computed for a valid genesis).
 */
public record GenesisReport(Optional<Genesis> genesis, List<Problem> errors, List<Problem> warnings) {
  public GenesisReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if (genesis.isPresent() != errors.isEmpty()) {
      throw new IllegalArgumentException("a report has either a genesis or errors");
    }
  }

  /** True when the file is a valid genesis. */
  public boolean isValid() {
    return genesis.isPresent();
  }
}
