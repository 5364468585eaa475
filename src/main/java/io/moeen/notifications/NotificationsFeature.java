package io.moeen.notifications;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.common.config.AppConfig;
import io.moeen.notifications.admin.NotificationAdminVerticle;
import io.moeen.notifications.channels.whatsapp.WhatsAppWebhookVerticle;
import io.moeen.notifications.dispatch.DispatchVerticle;
import io.moeen.notifications.preferences.PreferencesVerticle;

import java.util.List;

/** The inbox, preferences and consents, the outbox dispatcher, the WhatsApp webhook and the outbox administration. */
public final class NotificationsFeature implements Feature {
  @Override
  public String name() {
    return "notifications";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    AppConfig config = ctx.config();
    return List.of(
        Deployment.of(new NotificationsVerticle(ctx.pool(), ctx.defaultLocale(), ctx.timeZone())),
        Deployment.of(new PreferencesVerticle(ctx.pool(), ctx.messages(), ctx.defaultLocale(), ctx.timeZone())),
        Deployment.of(new DispatchVerticle(ctx.pool(), config.sms(), config.whatsapp(), config.smtp(), ctx.defaultLocale(),
            ctx.timeZone(), config.dispatchInterval(), ctx.clock(), config.dispatchSendingTimeout())),
        Deployment.of(new WhatsAppWebhookVerticle(ctx.pool(), config.whatsapp(), ctx.messages(), ctx.clock())),
        Deployment.of(new NotificationAdminVerticle(ctx.pool(), ctx.defaultLocale(), ctx.timeZone(), ctx.clock())));
  }
}
