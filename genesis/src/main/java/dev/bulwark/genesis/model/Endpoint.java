package dev.bulwark.genesis.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** A p2p endpoint {@code host:port}: a DNS name, an IPv4 address or a bracketed IPv6 address. */
public record Endpoint(String host, int port) {
  private static final Pattern HOSTNAME =
      Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");

  public Endpoint {
    if (host == null || !(HOSTNAME.matcher(host).matches() || IPV6.matcher(host).matches())) {
      throw new IllegalArgumentException("host must be a DNS name, an IPv4 address or [IPv6], got " + host);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
    host = host.toLowerCase(Locale.ROOT);
  }

  /** Parses {@code host:port}; IllegalArgumentException says what is wrong. */
  public static Endpoint parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("must be \"host:port\", got \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      throw new IllegalArgumentException("an IPv6 host must be in brackets, e.g. \"[::1]:30303\"");
    }
    String portText = text.substring(colon + 1);
    if (portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("port must be a number between 1 and 65535, got \"" + portText + "\"");
    }
    return new Endpoint(host, Integer.parseInt(portText));
  }

  /** The {@code host:port} form. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
