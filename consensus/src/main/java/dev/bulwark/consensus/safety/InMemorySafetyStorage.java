package dev.bulwark.consensus.safety;

/** Safety storage in memory: for tests and the simulation, where a "crash" keeps this object. */
public final class InMemorySafetyStorage implements SafetyStorage {
  private SafetyData data = SafetyData.initial(0);
  private int saves;

  @Override
  public SafetyData load() {
    return data;
  }

  @Override
  public void save(SafetyData data) {
    if (data == null) {
      throw new IllegalArgumentException("safety data is missing (null)");
    }
    this.data = data;
    saves++;
  }

  /** Number of saves so far (tests check that signing saved first). */
  public int saves() {
    return saves;
  }
}
