package io.moeen.testing;

import redis.embedded.RedisServer;

import java.io.IOException;

/** A real Redis on a free loopback port, for tests of the Redis-backed paths. */
public final class TestRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private TestRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  public static TestRedis start() {
    int port = RunningApp.freePort();
    try {
      RedisServer server = RedisServer.newRedisServer()
          .bind("127.0.0.1")
          .port(port)
          .setting("save \"\"")
          .setting("appendonly no")
          .build();
      server.start();
      return new TestRedis(server, port);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the embedded Redis", e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (server.isActive()) {
      stop();
    }
  }
}
