package io.moeen.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * The caller's address, for sign-in limits and audit. Behind a reverse proxy every connection
 * comes from the proxy, so when the peer is one of {@code MOEEN_TRUSTED_PROXIES} the address is
 * read from {@code X-Forwarded-For}: the right-most entry that is not itself a trusted proxy
 * (entries to its left were written by the client and prove nothing).
 */
final class ClientAddress {
  private final Set<String> trustedProxies;

  ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  String of(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    String address = peer == null ? null : normalize(peer.hostAddress());
    if (address == null || !trustedProxies.contains(address)) {
      return address;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null) {
      return address;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = normalize(hops[i].trim());
      if (hop == null) {
        return address; // garbage in the chain: trust only what we saw ourselves
      }
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return address;
  }

  /** A literal IPv4/IPv6 address in canonical form, or null; never a DNS lookup. */
  static String normalize(String literal) {
    if (literal == null || literal.isEmpty() || !literal.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?")) {
      return null;
    }
    try {
      return InetAddress.getByName(literal.replace("[", "").replace("]", "")).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
