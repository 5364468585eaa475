package io.moeen.testing;

import io.moeen.api.ApiVerticle;
import io.moeen.api.ContractParts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract as tests read it: one document, its parts put together the way the service puts
 * them together. Reading {@code openapi.yaml} alone would see only references to the parts.
 */
public final class ContractDocument {
  private ContractDocument() {
  }

  /** The merged contract, read with the given Vert.x. */
  public static JsonObject merged(Vertx vertx) {
    return ContractParts.merged(vertx, ApiVerticle.CONTRACT).await();
  }

  /** The merged contract, read with a Vert.x of its own. */
  public static JsonObject merged() {
    Vertx vertx = Vertx.vertx();
    try {
      return merged(vertx);
    } finally {
      vertx.close().await();
    }
  }

  /** Every file the contract is written in: the entry point first, then its parts. */
  public static List<Path> files() {
    List<Path> files = new ArrayList<>(List.of(Path.of(ApiVerticle.CONTRACT)));
    try (Stream<Path> parts = Files.list(Path.of("contract"))) {
      parts.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
