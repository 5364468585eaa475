package io.moeen.notifications.dispatch;

import io.vertx.core.Future;

/** The inbox already reads the row itself: delivering it is only saying so. */
public final class InAppChannel implements Channel {
  @Override
  public String name() {
    return "in_app";
  }

  @Override
  public Future<Delivery> send(OutboundMessage message) {
    return Future.succeededFuture(Delivery.delivered());
  }
}
