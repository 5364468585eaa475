package io.moeen.common.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

/**
 * Work that must run on one node of a cluster at a time (the sweeps, purges and the CRM's SLA timer):
 * each such timer takes a {@link Lease} by name at start and skips its tick while it does not hold it.
 * On a single node (the default) every lease is held at once and nothing else happens; in a cluster
 * they are PostgreSQL advisory locks ({@link PgLeases}), which move to another node when theirs dies.
 */
public interface RunOnce extends Shareable {
  /** Whether this node runs the work named when it was {@linkplain #lease taken}. */
  interface Lease {
    boolean held();
  }

  String MAP = "io.moeen.common.cluster.RunOnce";

  /** The lease for {@code name} (e.g. {@code crm.first-contact-sla}); the same name on every node. */
  Lease lease(String name);

  /** Every lease held, always: one node. */
  RunOnce EVERYWHERE = name -> () -> true;

  /** What {@code vertx} was given at start ({@link #install}); {@link #EVERYWHERE} when nothing was. */
  static RunOnce of(Vertx vertx) {
    LocalMap<String, RunOnce> map = vertx.sharedData().getLocalMap(MAP);
    RunOnce installed = map.get("leases");
    return installed == null ? EVERYWHERE : installed;
  }

  /** Only the application, before it deploys the features. */
  static void install(Vertx vertx, RunOnce leases) {
    vertx.sharedData().<String, RunOnce>getLocalMap(MAP).put("leases", leases);
  }
}
