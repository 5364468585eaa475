package io.moeen.bench;

import io.moeen.common.db.EmbeddedDatabaseServer;
import io.moeen.testing.RunningApp;
import io.moeen.testing.Scratch;
import redis.embedded.RedisServer;

import java.nio.file.Path;

/**
 * What the nodes of bench/cluster.sh share when no PostgreSQL and Redis are given: one embedded
 * PostgreSQL 17 (an empty {@code moeen} database; the first node migrates it) and one embedded Redis,
 * both on loopback. Prints one line of environment for the nodes, then holds both until stdin closes
 * (the script keeps a pipe open) or the process is killed. Not a test.
 */
public final class ClusterBackends {
  private ClusterBackends() {
  }

  public static void main(String[] args) throws Exception {
    Path work = Scratch.dir("moeen-cluster-bench");
    EmbeddedDatabaseServer postgres = EmbeddedDatabaseServer.start(work.resolve("postgres"), "moeen");
    int redisPort = RunningApp.freePort();
    RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
        .setting("save \"\"").setting("appendonly no").build();
    redis.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        redis.stop();
      } catch (java.io.IOException e) {
        // going away anyway
      }
      postgres.close();
    }));
    System.out.printf("DB_HOST=127.0.0.1 DB_PORT=%d DB_NAME=moeen DB_USER=postgres DB_PASSWORD= REDIS_URL=redis://127.0.0.1:%d/0%n",
        postgres.port(), redisPort);
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold until the script closes the pipe
    }
    System.exit(0);
  }
}
