package io.moeen.notifications.dispatch;

/** A delivery the provider refused or could not take; {@code permanent} means never retry. */
public final class DeliveryFailure extends RuntimeException {
  private final boolean permanent;

  private DeliveryFailure(String reason, boolean permanent) {
    super(reason, null, false, false);
    this.permanent = permanent;
  }

  public static DeliveryFailure permanent(String reason) {
    return new DeliveryFailure(reason, true);
  }

  public static DeliveryFailure retryable(String reason) {
    return new DeliveryFailure(reason, false);
  }

  public boolean isPermanent() {
    return permanent;
  }
}
