package io.moeen.common.errors;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure is a backend (PostgreSQL, Redis) that cannot be reached right now rather than a
 * fault in the request or the code: such a request is answered 503 {@code unavailable} (try again
 * shortly), not 500, while the database restarts or Redis is down (docs/cluster.md).
 */
public final class Unreachable {
  private Unreachable() {
  }

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getName();
      if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof TimeoutException
          || type.equals("io.vertx.sqlclient.ClosedConnectionException")
          || type.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
          || type.equals("io.netty.channel.ConnectTimeoutException")
          || type.equals("io.netty.channel.AbstractChannel$AnnotatedConnectException")
          || type.equals("io.vertx.core.VertxException") && "Connection was closed".equals(t.getMessage())
          || type.startsWith("io.vertx.redis.client") && t.getMessage() != null
              && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection")) {
        return true;
      }
      // the pg client reports "connection refused" and friends as a plain message on occasion
      String message = t.getMessage();
      if (message != null && (message.contains("Connection refused") || message.contains("Connection reset")
          || message.contains("the database system is shutting down")
          || message.contains("the database system is starting up")
          || message.contains("terminating connection due to administrator command"))) {
        return true;
      }
    }
    return false;
  }
}
