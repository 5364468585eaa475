package io.moeen.notifications;

/**
 * A message in words. {@code fallbackReason} is null when the wanted language's template was
 * used, otherwise says why another (or none) was; title and body are null when no template exists.
 */
public record RenderedNotification(String title, String body, String locale, String fallbackReason) {

  public boolean fellBack() {
    return fallbackReason != null;
  }
}
