package io.moeen.api;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorCacheTest {
  private final ValidatorCache cache = new ValidatorCache(SchemaRepository.create(new JsonSchemaOptions()
      .setDraft(Draft.DRAFT202012).setBaseUri("app://").setOutputFormat(OutputFormat.Basic)));

  @Test
  void one_validator_per_schema_object_and_it_still_validates() {
    JsonSchema limit = JsonSchema.of(new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 100));
    JsonSchema sameText = JsonSchema.of(limit.fieldNames().stream()
        .collect(JsonObject::new, (o, k) -> o.put(k, limit.get(k)), JsonObject::mergeIn));

    assertThat(cache.validator(limit)).isSameAs(cache.validator(limit));
    // keyed by identity: an equal schema elsewhere in the contract gets its own validator
    assertThat(cache.validator(sameText)).isNotSameAs(cache.validator(limit));
    assertThat(cache.validator(limit).validate(50).getValid()).isTrue();
    assertThat(cache.validator(limit).validate(500).getValid()).isFalse();
    assertThat(cache.validator(limit).validate("fifty").getValid()).isFalse();
    assertThat(cache.validator(limit).validate(7).getValid()).isTrue();
  }
}
