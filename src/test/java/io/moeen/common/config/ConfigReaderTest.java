package io.moeen.common.config;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigReaderTest {

  @Test
  void an_empty_environment_gives_the_documented_defaults() {
    AppConfig config = ConfigReader.read(Map.of());
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.usesEmbeddedDatabase()).isTrue();
    assertThat(config.embeddedDatabaseName()).isEqualTo("moeen");
    assertThat(config.redisUrl()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
    assertThat(config.defaultLocale()).isEqualTo("ar");
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
    assertThat(config.demoData()).as("demo data is on by default with the embedded database").isTrue();
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void db_host_selects_an_external_database_and_turns_demo_data_off_by_default() {
    AppConfig config = ConfigReader.read(Map.of("DB_HOST", "db.internal", "DB_PORT", "6543", "DB_NAME",
        "clinic", "DB_USER", "moeen_app", "DB_PASSWORD", "s3cret"));
    assertThat(config.usesEmbeddedDatabase()).isFalse();
    AppConfig.ExternalDatabase db = config.externalDatabase().orElseThrow();
    assertThat(db.host()).isEqualTo("db.internal");
    assertThat(db.port()).isEqualTo(6543);
    assertThat(db.database()).isEqualTo("clinic");
    assertThat(db.user()).isEqualTo("moeen_app");
    assertThat(db.password()).isEqualTo("s3cret");
    assertThat(db.toString()).doesNotContain("s3cret");
    assertThat(config.demoData()).isFalse();
  }

  @Test
  void demo_data_can_be_asked_for_explicitly() {
    assertThat(ConfigReader.read(Map.of("DB_HOST", "h", "MOEEN_DEMO_DATA", "true")).demoData()).isTrue();
    assertThat(ConfigReader.read(Map.of("MOEEN_DEMO_DATA", "no")).demoData()).isFalse();
  }

  @Test
  void values_are_trimmed_and_case_insensitive_where_that_is_harmless() {
    AppConfig config = ConfigReader.read(Map.of("HTTP_PORT", " 9090 ", "MOEEN_DEFAULT_LOCALE", "EN",
        "MOEEN_TIMEZONE", "Europe/Berlin"));
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.defaultLocale()).isEqualTo("en");
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Nested
  class BadValues {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP_PORT            | abc            | HTTP_PORT=abc is not valid: expected a whole number from 0 to 65535.",
        "HTTP_PORT            | 70000          | HTTP_PORT=70000 is not valid",
        "HTTP_PORT            | -1             | HTTP_PORT=-1 is not valid",
        "DB_PORT              | 54x32          | DB_PORT=54x32 is not valid",
        "DB_NAME              | drop table;    | DB_NAME=drop table; is not valid",
        "MOEEN_DEFAULT_LOCALE | fr             | MOEEN_DEFAULT_LOCALE=fr is not valid: expected one of: ar, en.",
        "MOEEN_TIMEZONE       | Mars/Olympus   | MOEEN_TIMEZONE=Mars/Olympus is not valid: expected an IANA time zone",
        "MOEEN_TIMEZONE       | +03:00         | MOEEN_TIMEZONE=+03:00 is not valid",
        "MOEEN_DEMO_DATA      | maybe          | MOEEN_DEMO_DATA=maybe is not valid: expected true or false.",
        "MOEEN_MAX_BODY_BYTES | 10             | MOEEN_MAX_BODY_BYTES=10 is not valid",
        "REDIS_URL            | localhost:6379 | REDIS_URL=localhost:6379 is not valid: expected a URL such as redis://localhost:6379/0.",
        "MOEEN_TRUSTED_PROXIES | proxy.internal | MOEEN_TRUSTED_PROXIES=proxy.internal is not valid: expected IP addresses",
    })
    void each_bad_value_is_named_with_what_was_expected(String name, String value, String message) {
      Map<String, String> env = new java.util.HashMap<>(Map.of(name, value));
      if (name.startsWith("DB_") && !name.equals("DB_NAME")) {
        env.put("DB_HOST", "localhost");
      }
      ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigReader.read(env));
      assertThat(e).isNotNull();
      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().get(0)).startsWith(message);
    }

    @Test
    void every_bad_value_is_reported_at_once() {
      ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigReader.read(Map.of(
          "HTTP_PORT", "abc", "MOEEN_TIMEZONE", "Nowhere", "MOEEN_DEFAULT_LOCALE", "de")));
      assertThat(e.problems()).hasSize(3);
      assertThat(e.getMessage()).contains("HTTP_PORT=abc", "MOEEN_TIMEZONE=Nowhere", "MOEEN_DEFAULT_LOCALE=de");
    }

    @Test
    void a_password_in_a_bad_redis_url_is_never_echoed() {
      assertThatThrownBy(() -> ConfigReader.read(Map.of("REDIS_URL", "http://user:hunter2@cache:6379")))
          .isInstanceOf(ConfigException.class)
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void zatca_is_off_unless_its_address_is_given_and_bad_values_are_named() {
    AppConfig off = ConfigReader.read(Map.of());
    assertThat(off.zatca().baseUrl()).isEmpty();
    assertThat(off.zatca().interval()).isEqualTo(java.time.Duration.ofMinutes(1));
    AppConfig on = ConfigReader.read(Map.of("MOEEN_ZATCA_BASE_URL", "https://gw-fatoora.zatca.gov.sa/e-invoicing/core",
        "MOEEN_ZATCA_INTERVAL_MS", "0", "MOEEN_ZATCA_RETRY_MS", "500"));
    assertThat(on.zatca().baseUrl()).contains("https://gw-fatoora.zatca.gov.sa/e-invoicing/core");
    assertThat(on.zatca().interval()).isZero();
    assertThat(on.zatca().retryBase()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_ZATCA_BASE_URL", "ftp://zatca", "MOEEN_ZATCA_RETRY_MS", "0")))
        .hasMessageContaining("MOEEN_ZATCA_BASE_URL=ftp://zatca")
        .hasMessageContaining("MOEEN_ZATCA_RETRY_MS=0");
  }

  @Test
  void the_payment_gateway_is_off_unless_its_address_key_and_secret_come_together() {
    AppConfig off = ConfigReader.read(Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT", "9090"));
    assertThat(off.paymentGateway().available()).isFalse();
    assertThat(off.paymentGateway().returnUrl()).isEqualTo("http://127.0.0.1:9090/app/portal/");
    AppConfig on = ConfigReader.read(Map.of("MOEEN_PAYMENT_GATEWAY_URL", "https://api.gateway.example",
        "MOEEN_PAYMENT_GATEWAY_API_KEY", "sk_live_key", "MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET", "whsec_0123456789abcdef",
        "MOEEN_PAYMENT_RETURN_URL", "https://clinic.example/app/portal/"));
    assertThat(on.paymentGateway().available()).isTrue();
    assertThat(on.paymentGateway().returnUrl()).isEqualTo("https://clinic.example/app/portal/");
    assertThat(on.toString()).doesNotContain("sk_live_key").doesNotContain("whsec_0123456789abcdef");
    // one or two of the three is a mistake, named without echoing the secret
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_PAYMENT_GATEWAY_URL", "https://api.gateway.example",
        "MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET", "short")))
        .hasMessageContaining("MOEEN_PAYMENT_GATEWAY_API_KEY")
        .hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("=short");
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_PAYMENT_GATEWAY_URL", "ftp://gateway",
        "MOEEN_PAYMENT_GATEWAY_API_KEY", "k", "MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET", "whsec_0123456789abcdef")))
        .hasMessageContaining("MOEEN_PAYMENT_GATEWAY_URL=ftp://gateway");
  }

  @Test
  void dispatch_and_sms_settings_have_defaults_and_bad_values_are_named() {
    AppConfig config = ConfigReader.read(Map.of());
    assertThat(config.dispatchInterval()).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(config.sms().url()).isEmpty();
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_DISPATCH_INTERVAL_MS", "-5",
        "MOEEN_SMS_URL", "ftp://sms", "MOEEN_SMS_BODY_TEMPLATE", "not json")))
        .hasMessageContaining("MOEEN_DISPATCH_INTERVAL_MS=-5")
        .hasMessageContaining("MOEEN_SMS_URL=ftp://sms")
        .hasMessageContaining("MOEEN_SMS_BODY_TEMPLATE=not json");
  }

  @Test
  void whatsapp_is_off_by_default_and_needs_url_number_and_token_together() {
    assertThat(ConfigReader.read(Map.of()).whatsapp().canSend()).isFalse();
    AppConfig config = ConfigReader.read(Map.of("MOEEN_WHATSAPP_API_URL", "https://graph.facebook.com/v21.0/",
        "MOEEN_WHATSAPP_PHONE_NUMBER_ID", "1234567890", "MOEEN_WHATSAPP_TOKEN", "secret-token",
        "MOEEN_WHATSAPP_APP_SECRET", "app-secret", "MOEEN_WHATSAPP_VERIFY_TOKEN", "verify-me"));
    assertThat(config.whatsapp().canSend()).isTrue();
    assertThat(config.whatsapp().apiUrl()).contains("https://graph.facebook.com/v21.0");
    assertThat(config.whatsapp().appSecret()).contains("app-secret");
    assertThat(config.whatsapp().verifyToken()).contains("verify-me");
    assertThat(config.whatsapp().toString()).doesNotContain("secret-token", "app-secret");
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_WHATSAPP_API_URL", "graph.facebook.com",
        "MOEEN_WHATSAPP_PHONE_NUMBER_ID", "12ab")))
        .hasMessageContaining("MOEEN_WHATSAPP_API_URL=graph.facebook.com")
        .hasMessageContaining("MOEEN_WHATSAPP_PHONE_NUMBER_ID=12ab")
        .hasMessageContaining("MOEEN_WHATSAPP_TOKEN=")
        .hasMessageNotContaining("MOEEN_WHATSAPP_APP_SECRET");
  }

  @Test
  void smtp_settings_have_defaults_need_a_sender_with_a_host_and_bad_values_are_named() {
    AppConfig quiet = ConfigReader.read(Map.of());
    assertThat(quiet.smtp().host()).isEmpty();
    assertThat(quiet.smtp().port()).isEqualTo(587);
    assertThat(quiet.smtp().starttls()).isEqualTo("optional");
    AppConfig mail = ConfigReader.read(Map.of("MOEEN_SMTP_HOST", "smtp.example.com", "MOEEN_SMTP_PORT", "2525",
        "MOEEN_SMTP_USERNAME", "moeen", "MOEEN_SMTP_PASSWORD", "s3cret", "MOEEN_SMTP_STARTTLS", "REQUIRED",
        "MOEEN_MAIL_FROM", "Moeen Clinic <no-reply@clinic.example>"));
    assertThat(mail.smtp().host()).contains("smtp.example.com");
    assertThat(mail.smtp().port()).isEqualTo(2525);
    assertThat(mail.smtp().starttls()).isEqualTo("required");
    assertThat(mail.smtp().from()).isEqualTo("Moeen Clinic <no-reply@clinic.example>");
    assertThat(mail.smtp().toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_SMTP_HOST", "smtp.example.com",
        "MOEEN_SMTP_PORT", "0", "MOEEN_SMTP_STARTTLS", "sometimes")))
        .hasMessageContaining("MOEEN_SMTP_PORT=0")
        .hasMessageContaining("MOEEN_SMTP_STARTTLS=sometimes")
        .hasMessageContaining("MOEEN_MAIL_FROM=");
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_MAIL_FROM", "nobody")))
        .hasMessageContaining("MOEEN_MAIL_FROM=nobody");
  }

  @Test
  void crm_settings_have_defaults_and_bad_values_are_named() {
    AppConfig.Crm crm = ConfigReader.read(Map.of()).crm();
    assertThat(crm.slaInterval()).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(crm.formLimitPerForm()).isEqualTo(60);
    assertThat(crm.formLimitPerAddress()).isEqualTo(5);
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_CRM_SLA_INTERVAL_MS", "soon",
        "MOEEN_WEB_FORM_LIMIT_PER_FORM", "0", "MOEEN_WEB_FORM_LIMIT_PER_ADDRESS", "-1")))
        .hasMessageContaining("MOEEN_CRM_SLA_INTERVAL_MS=soon")
        .hasMessageContaining("MOEEN_WEB_FORM_LIMIT_PER_FORM=0")
        .hasMessageContaining("MOEEN_WEB_FORM_LIMIT_PER_ADDRESS=-1");
  }

  @Test
  void sending_timeout_defaults_to_two_minutes_and_bad_values_are_named() {
    assertThat(ConfigReader.read(Map.of()).dispatchSendingTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(ConfigReader.read(Map.of("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS", "5")).dispatchSendingTimeout())
        .isEqualTo(java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS", "0")))
        .hasMessageContaining("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS=0");
    assertThatThrownBy(() -> ConfigReader.read(Map.of("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS", "soon")))
        .hasMessageContaining("MOEEN_DISPATCH_SENDING_TIMEOUT_SECONDS=soon");
  }
}
