package io.moeen.api;

import io.moeen.testing.ContractDocument;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.impl.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** openapi.yaml names its parts under contract/; the service reads them as one document. */
class ContractPartsTest {
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void the_contract_the_build_merged_for_the_start_is_the_one_the_sources_give() throws Exception {
    try (var in = ContractPartsTest.class.getClassLoader().getResourceAsStream(ContractParts.PREMERGED)) {
      assertThat(in).as("the build writes " + ContractParts.PREMERGED + " into the classes").isNotNull();
      JsonObject premerged = new JsonObject(io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
      assertThat(premerged).isEqualTo(ContractParts.merged(vertx, ApiVerticle.CONTRACT).await());
    }
    // and the service reads that one: the same document as merging the parts now
    assertThat(ContractLoader.load(vertx, ApiVerticle.CONTRACT).await().raw())
        .isEqualTo(ContractParts.merged(vertx, ApiVerticle.CONTRACT).await());
  }

  @Test
  void the_start_trusts_the_builds_copy_because_the_build_checked_it_and_refuses_a_broken_one() {
    // what the build checks before writing openapi.merged.json (the start no longer checks that copy)
    JsonObject routed = ContractLoader.routerCopy(ContractParts.merged(vertx, ApiVerticle.CONTRACT).await());
    io.vertx.openapi.contract.OpenAPIVersion version = io.vertx.openapi.contract.OpenAPIVersion.fromContract(routed);
    var repository = version.getRepository(vertx, "app://").await();
    ContractLoader.check(vertx, version, repository, routed).await();
    // and the check is real: a document without its info, or with an operation answering nothing, is refused
    JsonObject broken = routed.copy();
    broken.remove("info");
    assertThatThrownBy(() -> ContractLoader.check(vertx, version, repository, broken).await())
        .hasMessageContaining("not a valid OpenAPI document");
    JsonObject noResponses = routed.copy();
    noResponses.getJsonObject("paths").getJsonObject("/v1/me").getJsonObject("get").put("responses", "none");
    assertThatThrownBy(() -> ContractLoader.check(vertx, version, repository, noResponses).await())
        .hasMessageContaining("not a valid OpenAPI document");
  }

  @Test
  void every_path_of_the_entry_point_is_a_reference_to_a_part() {
    JsonObject entry = Utils.readYamlOrJson(vertx, ApiVerticle.CONTRACT).await();
    entry.getJsonObject("paths").forEach(path -> assertThat(((JsonObject) path.getValue()).getString("$ref"))
        .as(path.getKey()).startsWith("contract/"));
  }

  @Test
  void the_merged_contract_keeps_the_entry_points_path_order_and_every_operation() {
    JsonObject entry = Utils.readYamlOrJson(vertx, ApiVerticle.CONTRACT).await();
    JsonObject merged = ContractDocument.merged(vertx);
    assertThat(merged.getJsonObject("paths").fieldNames()).containsExactlyElementsOf(entry.getJsonObject("paths").fieldNames());
    assertThat(ContractOperation.readAll(merged)).hasSizeGreaterThan(100);
  }

  @Test
  void every_reference_of_the_merged_contract_is_local_and_resolves() {
    JsonObject merged = ContractDocument.merged(vertx);
    List<String> refs = new ArrayList<>();
    collectRefs(merged, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/");
      String[] at = ref.substring("#/components/".length()).split("/");
      assertThat(merged.getJsonObject("components").getJsonObject(at[0]).containsKey(at[1])).as(ref).isTrue();
    }
  }

  /**
   * A schema names only JSON Schema's and OpenAPI's words. An unquoted comma inside a flow mapping
   * ({@code { type: integer, description: The place, from 1. }}) silently makes the rest of the text a key
   * of the schema; Redocly's struct rule catches it in CI, this catches it in every test run.
   */
  @Test
  void every_property_schema_names_only_schema_keywords() {
    JsonObject merged = ContractDocument.merged(vertx);
    List<String> strays = new ArrayList<>();
    strayKeys(merged.getJsonObject("components").getJsonObject("schemas"), "#/components/schemas", false, strays);
    assertThat(strays).as("keys that are not schema keywords (an unquoted comma in a one-line schema?)").isEmpty();
  }

  private static final java.util.Set<String> SCHEMA_KEYWORDS = java.util.Set.of("type", "format", "description", "title",
      "enum", "const", "default", "example", "examples", "items", "properties", "required", "additionalProperties",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
      "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "oneOf", "anyOf", "allOf", "not", "$ref",
      "nullable", "readOnly", "writeOnly", "deprecated", "discriminator", "contentMediaType", "contentEncoding",
      "patternProperties", "propertyNames", "if", "then", "else", "dependentRequired", "unevaluatedProperties",
      "prefixItems", "contains", "minContains", "maxContains", "$comment", "externalDocs", "xml", "contentSchema");

  private static void strayKeys(JsonObject schemas, String at, boolean isSchema, List<String> strays) {
    for (String name : schemas.fieldNames()) {
      Object value = schemas.getValue(name);
      if (!(value instanceof JsonObject schema)) {
        continue;
      }
      String here = at + "/" + name;
      for (String key : schema.fieldNames()) {
        if (!SCHEMA_KEYWORDS.contains(key) && !key.startsWith("x-")) {
          strays.add(here + ": " + key);
        }
        Object inner = schema.getValue(key);
        if (key.equals("properties") && inner instanceof JsonObject props) {
          strayKeys(props, here + "/properties", true, strays);
        } else if ((key.equals("items") || key.equals("additionalProperties") || key.equals("not"))
            && inner instanceof JsonObject one) {
          strayKeys(new JsonObject().put(key, one), here, true, strays);
        } else if ((key.equals("oneOf") || key.equals("anyOf") || key.equals("allOf")) && inner instanceof JsonArray all) {
          for (int i = 0; i < all.size(); i++) {
            if (all.getValue(i) instanceof JsonObject one) {
              strayKeys(new JsonObject().put(key + "[" + i + "]", one), here, true, strays);
            }
          }
        }
      }
    }
  }

  @Test
  void the_yaml_form_reads_back_as_the_same_document() {
    JsonObject merged = ContractDocument.merged(vertx);
    String yaml = ContractParts.toYaml(merged).toString();
    assertThat(Utils.yamlStringToJson(yaml).await()).isEqualTo(merged);
  }

  @Test
  void a_part_that_refers_to_anything_but_components_is_refused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("contract"));
    Files.writeString(dir.resolve("contract/a.yaml"),
        "paths:\n  /v1/a:\n    get:\n      responses:\n        '200': { $ref: 'b.yaml#/paths/~1v1~1b' }\n");
    Files.writeString(dir.resolve("contract/b.yaml"), "paths: {}\n");
    Files.writeString(dir.resolve("openapi.yaml"),
        "openapi: 3.1.0\npaths:\n  /v1/a: { $ref: 'contract/a.yaml#/paths/~1v1~1a' }\n");
    assertThatThrownBy(() -> ContractParts.merged(vertx, dir.resolve("openapi.yaml").toString()).await())
        .hasMessageContaining("may only refer to components");
  }

  @Test
  void a_component_defined_twice_differently_is_refused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("contract"));
    Files.writeString(dir.resolve("contract/a.yaml"), "paths:\n  /v1/a: { get: {} }\ncomponents:\n  schemas:\n    X: { type: string }\n");
    Files.writeString(dir.resolve("contract/b.yaml"), "paths:\n  /v1/b: { get: {} }\ncomponents:\n  schemas:\n    X: { type: integer }\n");
    Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.1.0\npaths:\n"
        + "  /v1/a: { $ref: 'contract/a.yaml#/paths/~1v1~1a' }\n  /v1/b: { $ref: 'contract/b.yaml#/paths/~1v1~1b' }\n");
    assertThatThrownBy(() -> ContractParts.merged(vertx, dir.resolve("openapi.yaml").toString()).await())
        .hasMessageContaining("components/schemas/X");
  }

  private static void collectRefs(Object node, List<String> refs) {
    if (node instanceof JsonObject object) {
      if (object.getValue("$ref") instanceof String ref) {
        refs.add(ref);
      }
      object.forEach(member -> collectRefs(member.getValue(), refs));
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> collectRefs(item, refs));
    }
  }
}
