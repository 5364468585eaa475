package io.moeen.notifications.dispatch;

import io.moeen.common.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail over SMTP: the rendered subject and body as UTF-8 plain text with a small HTML
 * alternative (right-to-left for Arabic). The Message-ID is derived from the row's idempotency
 * key, so a resend of the same row carries the same id; the key also travels as a header.
 * A 5xx reply is permanent; 4xx replies and connection failures are retried.
 */
public final class EmailChannel implements Channel {
  public static final String IDEMPOTENCY_HEADER = "X-Moeen-Idempotency-Key";
  // a pragmatic check: one @, a dot in the domain, no spaces, brackets or line breaks
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\",;:]+@[^@\\s<>()\",;:]+\\.[^@\\s<>()\",;:.]+");

  private final MailClient client;
  private final String from;
  private final String messageIdDomain;

  public EmailChannel(MailClient client, String from) {
    this.client = client;
    this.from = from;
    String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
    this.messageIdDomain = address.substring(address.indexOf('@') + 1).trim();
  }

  /** A client for this SMTP configuration (no pooled connection kept, so a restarted server is found again). */
  public static EmailChannel create(Vertx vertx, AppConfig.Smtp smtp) {
    MailConfig config = new MailConfig()
        .setHostname(smtp.host().orElseThrow())
        .setPort(smtp.port())
        .setStarttls(StartTLSOptions.valueOf(smtp.starttls().toUpperCase(Locale.ROOT)))
        .setLogin(smtp.username().isPresent() ? LoginOption.REQUIRED : LoginOption.DISABLED)
        .setKeepAlive(false);
    smtp.username().ifPresent(config::setUsername);
    smtp.password().ifPresent(config::setPassword);
    config.setConnectTimeout(10_000);
    return new EmailChannel(MailClient.create(vertx, config), smtp.from());
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Future<Delivery> send(OutboundMessage message) {
    String to = message.email() == null ? null : message.email().trim();
    if (to == null || to.isEmpty()) {
      return Future.failedFuture(DeliveryFailure.permanent("no e-mail address for this recipient"));
    }
    if (to.length() > 254 || !ADDRESS.matcher(to).matches()) {
      return Future.failedFuture(DeliveryFailure.permanent("invalid e-mail address: " + abbreviated(to)));
    }
    MailMessage mail = new MailMessage()
        .setFrom(from)
        .setTo(to)
        .setSubject(message.subject() == null ? "" : message.subject())
        .setText(message.body())
        .setHtml(html(message.body(), message.locale()))
        .setHeaders(MultiMap.caseInsensitiveMultiMap()
            .set("Message-ID", messageId(message.idempotencyKey()))
            .set(IDEMPOTENCY_HEADER, message.idempotencyKey())
            .set("Content-Language", isArabic(message.locale()) ? "ar" : "en"));
    Future<io.vertx.ext.mail.MailResult> sent;
    try {
      sent = client.sendMail(mail);
    } catch (RuntimeException e) {
      return Future.failedFuture(DeliveryFailure.permanent("e-mail refused before sending: " + e.getMessage()));
    }
    return sent.map(result -> Delivery.sent(result.getMessageID())).recover(EmailChannel::outcome);
  }

  public Future<Void> close() {
    return client.close();
  }

  /** {@code <moeen.<sha-256 of the key>@<sender's domain>>}: the same key gives the same id. */
  String messageId(String idempotencyKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<moeen." + HexFormat.of().formatHex(digest, 0, 16) + "@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Future<Delivery> outcome(Throwable failure) {
    if (failure instanceof SMTPException smtp) {
      String reason = "smtp server answered " + smtp.getReplyCode() + ": " + abbreviated(smtp.getReplyMessage());
      return Future.failedFuture(smtp.isPermanent() ? DeliveryFailure.permanent(reason) : DeliveryFailure.retryable(reason));
    }
    return Future.failedFuture(DeliveryFailure.retryable("smtp server unreachable: " + failure));
  }

  static String html(String body, String locale) {
    String lang = isArabic(locale) ? "ar" : "en";
    String dir = isArabic(locale) ? "rtl" : "ltr";
    String text = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("\n", "<br>\n");
    return "<!DOCTYPE html>\n<html dir=\"" + dir + "\" lang=\"" + lang + "\"><head><meta charset=\"utf-8\"></head>"
        + "<body><div dir=\"" + dir + "\" lang=\"" + lang + "\">" + text + "</div></body></html>";
  }

  private static boolean isArabic(String locale) {
    return locale != null && locale.startsWith("ar");
  }

  private static String abbreviated(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
  }
}
