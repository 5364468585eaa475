package io.moeen.common.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.moeen.common.config.ClusterConfig;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The clustered event bus for {@code MOEEN_CLUSTER=on}: Hazelcast (Vert.x's own maps from its default
 * configuration) finding its members only in the TCP/IP list, bound to the one interface given, with
 * every call out of the network switched off (phone-home, cloud and auto discovery, multicast); and the
 * event bus's TCP server on the same address. Only {@code Application} calls this, and only when on.
 */
public final class ClusterBus {
  private ClusterBus() {
  }

  /** A Hazelcast configuration for Vert.x, from {@code cluster}. */
  public static Config hazelcast(ClusterConfig cluster) {
    // Hazelcast reads these as system properties too, before the Config exists (its own logging and
    // the phone-home); set both so nothing is reported and it logs through SLF4J like the rest
    System.setProperty("hazelcast.phone.home.enabled", "false");
    System.setProperty("hazelcast.logging.type", "slf4j");
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Vert.x leaves the cluster in its own close; the JVM's hook would race it
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // bind only the interface given, not every address of the machine
    config.setProperty("hazelcast.socket.bind.any", "false");
    // a node killed without leaving is noticed in seconds rather than a minute
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.getJetConfig().setEnabled(false);
    config.getManagementCenterConfig().setScriptingEnabled(false);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.setPublicAddress(address(cluster.host()) + ":" + cluster.port());
    network.getInterfaces().setEnabled(true).addInterface(address(cluster.host()));
    network.getRestApiConfig().setEnabled(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getAwsConfig().setEnabled(false);
    join.getKubernetesConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    return config;
  }

  /** The cluster manager to hand to {@code Vertx.builder().withClusterManager(...)}. */
  public static HazelcastClusterManager manager(ClusterConfig cluster) {
    return new HazelcastClusterManager(hazelcast(cluster));
  }

  /** {@code options} with the event bus's TCP server on this node's address and port. */
  public static VertxOptions withEventBus(VertxOptions options, ClusterConfig cluster) {
    String host = address(cluster.host());
    return options.setEventBusOptions(new EventBusOptions()
        .setHost(host).setPort(cluster.busPort())
        .setClusterPublicHost(host).setClusterPublicPort(cluster.busPort()));
  }

  /** Hazelcast's interface list wants an IP address; a name (a compose service) is resolved once here. */
  static String address(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("MOEEN_CLUSTER_HOST '" + host + "' does not resolve to an address", e);
    }
  }
}
