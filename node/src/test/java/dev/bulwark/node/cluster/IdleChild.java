package dev.bulwark.node.cluster;

/**
 * The child JVM of {@link NodeProcessTest}: writes its arguments to stdout and a line to stderr,
 * then waits until it is signalled (not on stdin: destroying a process also closes its stdin).
 */
public final class IdleChild {
  private IdleChild() {}

  /** Prints, then waits forever. */
  public static void main(String[] args) throws InterruptedException {
    System.out.println("child up " + String.join(" ", args));
    System.out.flush();
    System.err.println("child stderr line");
    System.err.flush();
    Thread.currentThread().join();
  }
}
