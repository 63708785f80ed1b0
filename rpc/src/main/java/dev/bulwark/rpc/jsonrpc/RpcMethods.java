package dev.bulwark.rpc.jsonrpc;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The method table the server dispatches on; each name registered once. */
public final class RpcMethods {
  private final Map<String, RpcMethod> methods = new TreeMap<>();

  /** Adds {@code name}; refuses a name registered twice (two owners of one method is a bug). */
  public RpcMethods register(String name, RpcMethod method) {
    if (name == null || name.isEmpty() || method == null) {
      throw new IllegalArgumentException("a method needs a name and an implementation");
    }
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalArgumentException("method " + name + " registered twice");
    }
    return this;
  }

  /** The method called {@code name}, if any. */
  public Optional<RpcMethod> get(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  /** The registered names, sorted. */
  public java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(methods.keySet());
  }
}
