package io.moeen.api;

import io.moeen.client.ApiClient;
import io.moeen.client.ApiException;
import io.moeen.client.api.PatientsApi;
import io.moeen.client.api.ReferenceApi;
import io.moeen.client.model.PublicSettings;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java client that openapi-generator makes from the contract at build time (see pom.xml)
 * talks to the real service: the contract is one that other tools can read and use.
 */
class ContractClientTest {
  static RunningApp app;
  static ApiClient client;

  @BeforeAll
  static void start() {
    app = RunningApp.start("contract-client");
    client = new ApiClient();
    client.updateBaseUri(app.baseUrl());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void the_generated_client_reads_the_public_settings_in_the_language_asked_for() throws ApiException {
    PublicSettings settings = new ReferenceApi(client).getPublicSettings("ar");
    assertThat(settings.getLocale()).isEqualTo("ar");
    assertThat(settings.getTimeZone()).isEqualTo("Asia/Riyadh");
    assertThat(settings.getSettings()).containsKey("clinic.name");
  }

  @Test
  void a_secured_operation_without_a_token_is_the_documented_401_problem() {
    assertThatThrownBy(() -> new PatientsApi(client).getPatient(UUID.randomUUID(), "en"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(401);
          assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
              type -> assertThat(type).startsWith("application/problem+json"));
          assertThat(new JsonObject(e.getResponseBody()).getString("code")).isEqualTo("unauthenticated");
        });
  }
}
