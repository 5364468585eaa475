package io.moeen.common.config;

import io.moeen.common.cluster.RunOnce;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterConfigTest {
  private static final Map<String, String> SHARED = Map.of("DB_HOST", "db", "REDIS_URL", "redis://r:6379/0");

  @Test
  void off_unless_asked_for_and_then_nothing_else_is_read() {
    assertThat(ClusterConfig.read(Map.of()).enabled()).isFalse();
    assertThat(ClusterConfig.read(Map.of("MOEEN_CLUSTER", "off", "MOEEN_CLUSTER_PORT", "not a port")))
        .isEqualTo(ClusterConfig.off());
  }

  @Test
  void on_reads_the_member_list_ports_and_name() {
    var env = new java.util.HashMap<>(SHARED);
    env.putAll(Map.of("MOEEN_CLUSTER", "on", "MOEEN_CLUSTER_HOST", "10.0.0.11",
        "MOEEN_CLUSTER_MEMBERS", " 10.0.0.11:5701, 10.0.0.12:5701 ,,10.0.0.13", "MOEEN_CLUSTER_PORT", "5702",
        "MOEEN_CLUSTER_BUS_PORT", "5802", "MOEEN_CLUSTER_NAME", "branch-north", "MOEEN_CLUSTER_LEASE_CHECK_MS", "500"));
    ClusterConfig config = ClusterConfig.read(env);
    assertThat(config.enabled()).isTrue();
    assertThat(config.members()).containsExactly("10.0.0.11:5701", "10.0.0.12:5701", "10.0.0.13");
    assertThat(config.port()).isEqualTo(5702);
    assertThat(config.busPort()).isEqualTo(5802);
    assertThat(config.name()).isEqualTo("branch-north");
    assertThat(config.leaseCheck()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void on_without_host_members_shared_database_or_redis_is_refused_all_at_once() {
    assertThatThrownBy(() -> ClusterConfig.read(Map.of("MOEEN_CLUSTER", "on", "MOEEN_CLUSTER_PORT", "70000")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .hasSize(5)
            .anyMatch(p -> p.startsWith("MOEEN_CLUSTER_HOST"))
            .anyMatch(p -> p.startsWith("MOEEN_CLUSTER_MEMBERS"))
            .anyMatch(p -> p.startsWith("MOEEN_CLUSTER_PORT"))
            .anyMatch(p -> p.contains("DB_HOST"))
            .anyMatch(p -> p.contains("REDIS_URL")));
    assertThatThrownBy(() -> ClusterConfig.read(Map.of("MOEEN_CLUSTER", "maybe")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .isEqualTo(List.of("MOEEN_CLUSTER is 'maybe'; expected on or off")));
  }

  @Test
  void a_single_node_holds_every_run_once_lease() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThat(RunOnce.of(vertx)).isSameAs(RunOnce.EVERYWHERE);
      assertThat(RunOnce.of(vertx).lease("crm.first-contact-sla").held()).isTrue();
    } finally {
      vertx.close().await();
    }
  }
}
