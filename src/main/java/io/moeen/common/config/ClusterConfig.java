package io.moeen.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this process is one node of a cluster (docs/cluster.md), read from the environment apart from
 * {@link AppConfig} so that a single node (the default) reads, builds and starts exactly as before.
 *
 * <ul>
 *   <li>{@code MOEEN_CLUSTER} — {@code on} joins the others over Vert.x's clustered event bus (Hazelcast);
 *   {@code off} (the default) is one process with its local bus, and no Hazelcast is started.</li>
 *   <li>{@code MOEEN_CLUSTER_HOST} — the address (IP or name) this node binds and announces, for both
 *   Hazelcast and the event bus; required when on.</li>
 *   <li>{@code MOEEN_CLUSTER_MEMBERS} — the other nodes as {@code host[:port]}, comma-separated (TCP/IP
 *   discovery; multicast is never used); required when on.</li>
 *   <li>{@code MOEEN_CLUSTER_PORT} (5701) — Hazelcast's member port; {@code MOEEN_CLUSTER_BUS_PORT} (5801) —
 *   the event bus's TCP port; {@code MOEEN_CLUSTER_NAME} (moeen) — nodes with another name never join.</li>
 *   <li>{@code MOEEN_CLUSTER_LEASE_CHECK_MS} (2000) — how often a node tries to take the run-once leases
 *   of a dead one (and checks that it still holds its own).</li>
 * </ul>
 * A cluster needs a shared database ({@code DB_HOST}) and a shared Redis ({@code REDIS_URL}): with the
 * embedded database or the in-process store each node would keep its own, so the start is refused.
 */
public record ClusterConfig(boolean enabled, String name, String host, int port, int busPort,
                            List<String> members, Duration leaseCheck) {
  public static final int DEFAULT_PORT = 5701;

  public ClusterConfig {
    members = List.copyOf(members);
  }

  /** One process, as before: no cluster manager, no leases. */
  public static ClusterConfig off() {
    return new ClusterConfig(false, "moeen", "", DEFAULT_PORT, 5801, List.of(), Duration.ofSeconds(2));
  }

  public static ClusterConfig fromEnvironment() {
    return read(System.getenv());
  }

  public static ClusterConfig read(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String flag = value(env, "MOEEN_CLUSTER").orElse("off").toLowerCase(Locale.ROOT);
    boolean on;
    switch (flag) {
      case "on", "true", "yes", "1" -> on = true;
      case "off", "false", "no", "0" -> on = false;
      default -> {
        problems.add("MOEEN_CLUSTER is '" + flag + "'; expected on or off");
        on = false;
      }
    }
    if (!on) {
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
      return off();
    }
    String name = value(env, "MOEEN_CLUSTER_NAME").orElse("moeen");
    Optional<String> host = value(env, "MOEEN_CLUSTER_HOST");
    if (host.isEmpty()) {
      problems.add("MOEEN_CLUSTER_HOST is unset; with MOEEN_CLUSTER=on give the address this node binds and the others"
          + " reach it at (e.g. 10.0.0.11)");
    }
    int port = port(env, "MOEEN_CLUSTER_PORT", DEFAULT_PORT, problems);
    int busPort = port(env, "MOEEN_CLUSTER_BUS_PORT", 5801, problems);
    List<String> members = new ArrayList<>();
    for (String member : value(env, "MOEEN_CLUSTER_MEMBERS").orElse("").split(",")) {
      if (!member.isBlank()) {
        members.add(member.strip());
      }
    }
    if (members.isEmpty()) {
      problems.add("MOEEN_CLUSTER_MEMBERS is unset; with MOEEN_CLUSTER=on list the nodes as host[:port],"
          + " comma-separated (e.g. 10.0.0.11:5701,10.0.0.12:5701,10.0.0.13:5701)");
    }
    long leaseMs = 2000;
    Optional<String> lease = value(env, "MOEEN_CLUSTER_LEASE_CHECK_MS");
    if (lease.isPresent()) {
      try {
        leaseMs = Long.parseLong(lease.get());
        if (leaseMs < 100 || leaseMs > 60_000) {
          problems.add("MOEEN_CLUSTER_LEASE_CHECK_MS is " + leaseMs + "; expected 100 to 60000");
        }
      } catch (NumberFormatException e) {
        problems.add("MOEEN_CLUSTER_LEASE_CHECK_MS is '" + lease.get() + "'; expected a number of milliseconds");
      }
    }
    if (value(env, "DB_HOST").isEmpty()) {
      problems.add("MOEEN_CLUSTER=on needs DB_HOST: every node must use the same PostgreSQL, not one embedded each");
    }
    if (value(env, "REDIS_URL").isEmpty()) {
      problems.add("MOEEN_CLUSTER=on needs REDIS_URL: sign-in lockouts and rate limits must count across the nodes");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ClusterConfig(true, name, host.orElseThrow(), port, busPort, members, Duration.ofMillis(leaseMs));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static int port(Map<String, String> env, String name, int fallback, List<String> problems) {
    Optional<String> text = value(env, name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(text.get());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " is '" + text.get() + "'; expected a port from 1 to 65535");
    return fallback;
  }
}
