package io.moeen.notifications.dispatch;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.moeen.common.config.AppConfig;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mail through a real SMTP server (GreenMail) on a loopback port. */
class EmailChannelTest {
  private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  private static final Instant NOON = ZonedDateTime.now(RIYADH).plusDays(1).withHour(12).withMinute(0).toInstant();
  private static final String FROM = "Moeen Clinic <no-reply@moeen-clinic.example>";
  private static RunningApp app;
  private static Vertx vertx;
  private static WebClient client;
  private static int port;
  private GreenMail smtp;

  @BeforeAll
  static void start() throws IOException {
    app = RunningApp.start("email", Map.of("MOEEN_DISPATCH_INTERVAL_MS", "0"));
    vertx = app.application().vertx();
    client = WebClient.create(vertx);
    port = freePort();
  }

  @AfterAll
  static void stop() {
    client.close();
    app.close();
  }

  @AfterEach
  void stopServer() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void arabic_email_arrives_with_arabic_subject_and_body_rtl_html_and_a_message_id_from_the_key() throws Exception {
    startServer(GreenMailConfiguration.aConfig());
    String key = insert(DemoAccounts.AHMED_USER_ID, null, "ar");
    dispatcher(Optional.empty()).drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("sent");
    MimeMessage mail = only(key);
    assertThat(mail.getSubject()).isEqualTo("تم حجز موعدك").isEqualTo(row.getString("rendered_subject"));
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(DemoAccounts.PATIENT_AHMED);
    assertThat(mail.getFrom()[0].toString()).contains("no-reply@moeen-clinic.example");
    // mail carries text with CRLF line ends (MIME's canonical form); the row keeps the template's LF
    assertThat(part(mail, "text/plain").replace("\r\n", "\n")).isEqualTo(row.getString("rendered_body")).contains("موعدك");
    assertThat(part(mail, "text/html")).contains("dir=\"rtl\"", "lang=\"ar\"", "موعدك");
    String messageId = mail.getMessageID();
    assertThat(messageId).isEqualTo(new EmailChannel(null, FROM).messageId(key)).endsWith("@moeen-clinic.example>");
    assertThat(row.getString("provider_message_id")).isEqualTo(messageId);
    assertThat(mail.getHeader(EmailChannel.IDEMPOTENCY_HEADER)).containsExactly(key);
  }

  @Test
  void english_email_goes_to_the_rows_own_address_in_english() throws Exception {
    startServer(GreenMailConfiguration.aConfig());
    String key = insert(null, "lead@example.com", "en");
    dispatcher(Optional.empty()).drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    MimeMessage mail = only(key);
    assertThat(mail.getSubject()).isEqualTo("Your appointment is booked");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lead@example.com");
    assertThat(part(mail, "text/plain")).startsWith("Your appointment");
    assertThat(part(mail, "text/html")).contains("dir=\"ltr\"", "lang=\"en\"");
  }

  @Test
  void permanent_rejection_fails_at_once_with_the_servers_reason() {
    startServer(GreenMailConfiguration.aConfig().withUser("moeen", "right-password"));
    String key = insert(DemoAccounts.AHMED_USER_ID, null, "ar");
    dispatcher(Optional.of("wrong-password")).drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("failed");
    assertThat(row.getString("last_error")).contains("535");
    assertThat(row.getInteger("attempts")).isEqualTo(1);
    assertThat(received(key)).isEmpty();
  }

  @Test
  void invalid_address_fails_with_a_clear_reason_without_calling_the_server() {
    startServer(GreenMailConfiguration.aConfig());
    UUID id = UUID.randomUUID();
    String key = "email-" + id;
    // the outbox's own check only wants an @; this one has a space the channel refuses
    app.asOwner("""
        INSERT INTO notifications (recipient_email, channel, event_type, locale, payload, priority, idempotency_key)
        VALUES ('not an@address', 'email', 'appointment_booked', 'en', '{"startsAt": "2026-12-01T09:00:00Z"}',
                'urgent', '%s')""".formatted(key));
    dispatcher(Optional.empty()).drain().await();
    Row row = row(key);
    assertThat(row.getString("status")).isEqualTo("failed");
    assertThat(row.getString("last_error")).isEqualTo("invalid e-mail address: not an@address");
    assertThat(received(key)).isEmpty();
  }

  @Test
  void server_down_then_up_retries_and_delivers_once() throws Exception {
    String key = insert(DemoAccounts.AHMED_USER_ID, null, "ar");
    dispatcher(Optional.empty()).drain().await();
    Row first = row(key);
    assertThat(first.getString("status")).isEqualTo("pending");
    assertThat(first.getInteger("attempts")).isEqualTo(1);
    assertThat(first.getString("last_error")).startsWith("smtp server unreachable");
    startServer(GreenMailConfiguration.aConfig());
    app.pool().preparedQuery("UPDATE notifications SET next_attempt_at = now() - interval '1 minute' WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await();
    dispatcher(Optional.empty()).drain().await();
    dispatcher(Optional.empty()).drain().await();
    assertThat(row(key).getString("status")).isEqualTo("sent");
    assertThat(row(key).getInteger("attempts")).isEqualTo(2);
    assertThat(received(key)).hasSize(1);
  }

  @Test
  void email_rows_wait_untouched_without_an_smtp_host() {
    String key = insert(DemoAccounts.AHMED_USER_ID, null, "ar");
    DispatchVerticle.create(vertx, app.pool(), client, new AppConfig.Sms(Optional.empty(), Optional.empty(), "{}"),
            AppConfig.WhatsApp.none(), AppConfig.Smtp.none(), SupportedLocale.fromTag("ar").orElseThrow(), RIYADH, Clock.fixed(NOON, ZoneOffset.UTC),
            Duration.ofSeconds(1), DispatchVerticle.defaultSettings(RIYADH))
        .await().drain().await();
    assertThat(row(key).getString("status")).isEqualTo("pending");
    assertThat(row(key).getInteger("attempts")).isZero();
  }

  private void startServer(GreenMailConfiguration configuration) {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withConfiguration(configuration);
    smtp.start();
  }

  private static OutboxDispatcher dispatcher(Optional<String> password) {
    AppConfig.Smtp settings = new AppConfig.Smtp(Optional.of("127.0.0.1"), port,
        password.map(p -> "moeen"), password, "disabled", FROM);
    return DispatchVerticle.create(vertx, app.pool(), client, new AppConfig.Sms(Optional.empty(), Optional.empty(), "{}"),
        AppConfig.WhatsApp.none(), settings, SupportedLocale.fromTag("ar").orElseThrow(), RIYADH, Clock.fixed(NOON, ZoneOffset.UTC),
        Duration.ofSeconds(1), new OutboxDispatcher.Settings(5, Duration.ofMinutes(2),
            new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8), RIYADH)).await();
  }

  private static String insert(UUID user, String email, String locale) {
    String key = "email-" + UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (recipient_user_id, recipient_email, channel, event_type, locale, payload, priority,
                                   idempotency_key)
        VALUES ($1, $2, 'email', 'appointment_booked', $3, '{"startsAt": "2026-12-01T09:00:00Z"}', 'urgent', $4)""")
        .execute(Tuple.of(user, email, locale, key)).await();
    return key;
  }

  private MimeMessage only(String key) {
    List<MimeMessage> mails = received(key);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private List<MimeMessage> received(String key) {
    if (smtp == null) {
      return List.of();
    }
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        String[] header = m.getHeader(EmailChannel.IDEMPOTENCY_HEADER);
        return header != null && key.equals(header[0]);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String part(MimeMessage mail, String type) throws Exception {
    MimeMultipart multipart = (MimeMultipart) mail.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static Row row(String key) {
    return app.pool().preparedQuery("SELECT * FROM notifications WHERE idempotency_key = $1")
        .execute(Tuple.of(key)).await().iterator().next();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
