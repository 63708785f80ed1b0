package dev.bulwark.rpc.jsonrpc;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The method table the server dispatches on; each name registered once. */
public final class RpcMethods {
  private final Map<String, RpcMethod> methods = new TreeMap<>();
  private final Map<String, BatchRpcMethod> batchForms = new TreeMap<>();

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

  /** Adds {@code name} with a batch form for batches that call it more than once. */
  public RpcMethods register(String name, RpcMethod method, BatchRpcMethod batchForm) {
    if (batchForm == null) {
      throw new IllegalArgumentException("a batch form must not be null");
    }
    register(name, method);
    batchForms.put(name, batchForm);
    return this;
  }

  /** The batch form of method {@code name}, if it has one. */
  public Optional<BatchRpcMethod> batchForm(String name) {
    return Optional.ofNullable(batchForms.get(name));
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
