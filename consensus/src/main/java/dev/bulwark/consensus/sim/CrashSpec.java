package dev.bulwark.consensus.sim;

/**
 * Node {@code node} crashes at {@code at} and restarts at {@code restartAt} (never when negative),
 * keeping its committed chain and — unless {@code wipeSafetyData}, a Byzantine fault — its safety
 * data.
 */
public record CrashSpec(int node, long at, long restartAt, boolean wipeSafetyData) {}
