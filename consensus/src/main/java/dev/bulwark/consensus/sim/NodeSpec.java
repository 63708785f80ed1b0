package dev.bulwark.consensus.sim;

/** One simulated node: the validator key it holds and how it behaves. */
public record NodeSpec(int keyIndex, BehaviourKind behaviour) {}
