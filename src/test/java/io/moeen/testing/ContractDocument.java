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

  /** One operation of the contract, as the walks and matrices read it. */
  public record Operation(String method, String path, String operationId, String address, boolean secured,
                          List<String> permissions, boolean stream) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every operation of the merged contract, in contract order. */
  public static List<Operation> operations(JsonObject contract) {
    boolean securedByDefault = !contract.getJsonArray("security", new io.vertx.core.json.JsonArray()).isEmpty();
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = contract.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject op && op.containsKey("operationId")) {
          boolean secured = op.containsKey("security") ? !op.getJsonArray("security").isEmpty() : securedByDefault;
          operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path, op.getString("operationId"),
              op.getString("x-moeen-address"), secured,
              op.getJsonArray("x-moeen-permissions", new io.vertx.core.json.JsonArray()).stream().map(String::valueOf).toList(),
              op.getBoolean("x-moeen-stream", false)));
        }
      }
    }
    return operations;
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
