package io.moeen.api;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.auth.SigningKeys;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.kv.KeyValueStores;
import io.moeen.testing.Scratch;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API deploys beside the other features and builds its router meanwhile, but takes no request before they
 * are all up: its port opens when {@code othersUp} completes, and a failed feature fails its start instead.
 */
class ApiOpensLastTest {
  private Vertx vertx;
  private Pool pool;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    // never connects: nothing here reaches the database
    pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setPort(1)).using(vertx).build();
  }

  @AfterEach
  void close() {
    pool.close().await();
    vertx.close().await();
  }

  private ApiVerticle api(int port, Future<Void> othersUp) {
    ApiVerticle.Settings settings = new ApiVerticle.Settings("127.0.0.1", port, SupportedLocale.AR, 1_000_000,
        Duration.ofSeconds(1), Set.of(), Map.of());
    ContractLoader.Loaded contract = ContractLoader.load(vertx, ApiVerticle.CONTRACT).await();
    return new ApiVerticle(settings, contract, Messages.load(), pool, KeyValueStores.create(vertx, Optional.empty()),
        new AccessTokens(vertx, SigningKeys.loadOrCreate(Scratch.dir("api-opens-last"))), new PrincipalCache(),
        List.of(), Scratch.dir("api-opens-last-files"), othersUp);
  }

  @Test
  void the_port_opens_only_when_the_others_are_up() throws Exception {
    int port = freePort();
    Promise<Void> othersUp = Promise.promise();
    Future<String> deployed = vertx.deployVerticle(api(port, othersUp.future()));

    Thread.sleep(1500); // time enough to build the router, which happens before the gate
    assertThat(deployed.isComplete()).isFalse();
    assertThat(listening(port)).as("no request is taken while a feature is still starting").isFalse();

    othersUp.complete();
    deployed.await();
    assertThat(listening(port)).isTrue();
  }

  @Test
  void a_feature_that_failed_fails_the_api_start_and_the_port_stays_closed() throws Exception {
    int port = freePort();
    Promise<Void> othersUp = Promise.promise();
    Future<String> deployed = vertx.deployVerticle(api(port, othersUp.future()));
    othersUp.fail(new IllegalStateException("billing did not start"));

    assertThatThrownBy(deployed::await).hasMessageContaining("billing did not start");
    assertThat(listening(port)).isFalse();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }
}
