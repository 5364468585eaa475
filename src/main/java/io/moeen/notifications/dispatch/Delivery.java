package io.moeen.notifications.dispatch;

/** What a channel reports back: the row's new status and the provider's id for the message. */
public record Delivery(String status, String providerMessageId) {
  public static Delivery sent(String providerMessageId) {
    return new Delivery("sent", providerMessageId);
  }

  public static Delivery delivered() {
    return new Delivery("delivered", null);
  }
}
