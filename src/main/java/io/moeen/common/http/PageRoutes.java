package io.moeen.common.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.util.List;

/**
 * Routes outside the contract that a feature serves to browsers (pages, scripts, fonts). The API
 * mounts them on its router, behind the same root handlers as every request (request ids, access
 * log, hardening headers, canonical paths) and in front of the same problem+json error mapping.
 * One instance serves every API verticle of the process.
 */
public interface PageRoutes {
  /** Reads what it serves (never on an event loop), once for the process; later calls get the same future. */
  Future<Void> load(Vertx vertx);

  /** Adds the routes; called after {@link #load} succeeded. */
  void mount(Router router);

  /** The GET paths it mounts, as router paths ({@code /widget.js}, {@code /app/*}), for the {@code Allow} header. */
  List<String> paths();
}
