package dev.bulwark.rpc.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may call: the {@code Host} allowlist (a guard against DNS rebinding, as geth's
 * {@code --http.vhosts}: IP literals and the listed names) and the CORS / WebSocket origin rule
 * (the listed origins, and always the node's own).
 */
final class AccessPolicy {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");

  private final List<String> origins;
  private final List<String> hosts;

  AccessPolicy(List<String> corsOrigins, List<String> allowedHosts) {
    this.origins = List.copyOf(corsOrigins);
    this.hosts = List.copyOf(allowedHosts);
  }

  /** True when a request with this {@code Host} header (null: none sent) is served. */
  boolean hostAllowed(String hostHeader) {
    if (hostHeader == null || hosts.contains("*")) {
      return true;
    }
    String name = hostName(hostHeader);
    return isIpLiteral(name) || hosts.contains(name);
  }

  /**
   * True when a browser page at {@code origin} may call; {@code selfOrigins} are the node's own
   * origins ({@code http://} + the Host it was reached as, and its bind address).
   */
  boolean originAllowed(String origin, List<String> selfOrigins) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (origins.contains("*") || origins.contains(o)) {
      return true;
    }
    for (String self : selfOrigins) {
      if (self.toLowerCase(Locale.ROOT).equals(o)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code Access-Control-Allow-Origin} value for an allowed {@code origin}. */
  String allowOriginHeader(String origin) {
    return origins.contains("*") ? "*" : origin;
  }

  /** The host part of a {@code Host} header, lower case, without port or IPv6 brackets. */
  static String hostName(String hostHeader) {
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && colon == h.lastIndexOf(':')) {
      h = h.substring(0, colon);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /** True for a dotted IPv4 or an IPv6 literal; never resolves a name. */
  static boolean isIpLiteral(String name) {
    var m = IPV4.matcher(name);
    if (m.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(m.group(i)) > 255) {
          return false;
        }
      }
      return true;
    }
    if (name.indexOf(':') < 0 || !IPV6_CHARS.matcher(name).matches()) {
      return false;
    }
    try {
      // With a colon and only hex digits, InetAddress parses a literal and does no lookup.
      InetAddress.getByName(name);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
