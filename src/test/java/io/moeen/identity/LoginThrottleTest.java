package io.moeen.identity;

import io.moeen.testing.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sign-in throttle on the in-process key-value store. */
class LoginThrottleTest extends LoginThrottleCases {
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("login-throttle");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Override
  RunningApp app() {
    return app;
  }
}
