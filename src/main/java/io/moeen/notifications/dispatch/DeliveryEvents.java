package io.moeen.notifications.dispatch;

/** Told after a row's delivery is recorded (the UPDATE matched), never before. */
@FunctionalInterface
public interface DeliveryEvents {
  DeliveryEvents NONE = (message, delivery) -> { };

  void recorded(OutboundMessage message, Delivery delivery);
}
