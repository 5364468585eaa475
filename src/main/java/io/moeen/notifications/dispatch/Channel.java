package io.moeen.notifications.dispatch;

import io.vertx.core.Future;

/**
 * One way of reaching a recipient. Fail with {@link DeliveryFailure#permanent} when retrying
 * cannot help (4xx); any other failure (network, timeout, 5xx) is retried with backoff.
 */
public interface Channel {
  /** The outbox {@code channel} value this delivers, e.g. {@code sms}. */
  String name();

  Future<Delivery> send(OutboundMessage message);
}
