package io.moeen.api;

import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's schema repository, with one validator per schema. vertx-openapi asks the repository
 * for a new validator for every parameter and body of every request, and each new one copies the
 * repository's lookup tables: 74–78% of the service's CPU on {@code GET /v1/slots} (the scheduling
 * profile in bench/results/scheduling.md). A validator keeps no state between calls (each validation
 * carries its own), so one per schema serves every request on every event loop. The contract's
 * schemas are fixed after loading, and vertx-openapi hands out the same schema object for a
 * parameter or body each time, so they are keyed by identity.
 */
final class ValidatorCache implements SchemaRepository {
  private final SchemaRepository repository;
  private final Map<Identity, Validator> validators = new ConcurrentHashMap<>();

  ValidatorCache(SchemaRepository repository) {
    this.repository = repository;
  }

  @Override
  public Validator validator(JsonSchema schema) {
    return validators.computeIfAbsent(new Identity(schema), key -> repository.validator(schema));
  }

  @Override
  public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
    repository.dereference(schema);
    return this;
  }

  @Override
  public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
    repository.dereference(uri, schema);
    return this;
  }

  @Override
  public SchemaRepository preloadMetaSchema(FileSystem fs) {
    repository.preloadMetaSchema(fs);
    return this;
  }

  @Override
  public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
    repository.preloadMetaSchema(fs, draft);
    return this;
  }

  @Override
  public Validator validator(String ref) {
    return repository.validator(ref);
  }

  @Override
  public Validator validator(String ref, JsonSchemaOptions options) {
    return repository.validator(ref, options);
  }

  @Override
  public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
    return repository.validator(schema, options, dereference);
  }

  @Override
  public JsonObject resolve(JsonObject schema) {
    return repository.resolve(schema);
  }

  @Override
  public JsonSchema find(String pointer) {
    return repository.find(pointer);
  }

  /** A schema by identity: its own equals and hashCode would compare whole JSON trees on every request. */
  private record Identity(Object schema) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that && that.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }
}
