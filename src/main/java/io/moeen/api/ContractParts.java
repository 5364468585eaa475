package io.moeen.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.impl.Utils;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The contract is written in parts ({@code openapi.yaml} refers to {@code contract/*.yaml}) and
 * read as one document: path items given as {@code $ref} to a part are inlined, every part's
 * components join one {@code components}, and every reference becomes local. The router, the
 * raw reading of {@code x-moeen-*} extensions and {@code GET /openapi.yaml} all see that one
 * document, so none of them has to know how files refer to each other.
 */
public final class ContractParts {
  /**
   * The class-path resource the build writes (see {@link #main}): the merged contract of the same
   * sources, ready to read as JSON.
   */
  public static final String PREMERGED = "openapi.merged.json";

  private ContractParts() {
  }

  /**
   * Writes the merged contract for tools that read one file (the build's client generator), and
   * optionally as JSON for the service's start ({@link #PREMERGED}), checked against the OpenAPI schema first:
   * {@code ContractParts openapi.yaml target/openapi-merged.yaml [target/classes/openapi.merged.json]}.
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject merged = merged(vertx, args[0]).await();
      vertx.fileSystem().writeFileBlocking(args[1], toYaml(merged));
      if (args.length > 2) {
        // the start models this copy without checking it again (ContractLoader): check it here, or fail the build
        JsonObject routed = ContractLoader.routerCopy(merged);
        OpenAPIVersion version = OpenAPIVersion.fromContract(routed);
        version.getRepository(vertx, "app://")
            .compose(repository -> ContractLoader.check(vertx, version, repository, routed)).await();
        vertx.fileSystem().writeFileBlocking(args[2], merged.toBuffer());
      }
    } finally {
      vertx.close().await();
    }
  }

  /** The whole contract from its entry point (a file, or a class-path resource). */
  public static Future<JsonObject> merged(Vertx vertx, String entryPath) {
    return read(vertx, entryPath).compose(entry -> merged(vertx, entry, directoryOf(entryPath)));
  }

  /** The whole contract from the entry point's text; parts are read relative to {@code directory}. */
  public static Future<JsonObject> merged(Vertx vertx, Buffer entryText, String directory) {
    return Utils.yamlStringToJson(entryText.toString(StandardCharsets.UTF_8))
        .compose(entry -> merged(vertx, entry, directory));
  }

  private static Future<JsonObject> merged(Vertx vertx, JsonObject entry, String directory) {
    Map<String, JsonObject> parts = new LinkedHashMap<>();
    return readParts(vertx, entry, directory, parts).map(done -> merge(entry, directory, parts));
  }

  /** The document as YAML, in block style and with Arabic left as it is. */
  public static Buffer toYaml(JsonObject contract) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setAllowUnicode(true);
    options.setSplitLines(false);
    options.setIndent(2);
    return Buffer.buffer(new Yaml(options).dump(plain(contract)), "UTF-8");
  }

  /** A file of the contract, read and parsed on a worker: parsing a large part's YAML takes an event loop's time. */
  private static Future<JsonObject> read(Vertx vertx, String file) {
    return vertx.executeBlocking(() -> {
      Buffer text = vertx.fileSystem().readFileBlocking(file);
      if (file.endsWith(".json")) {
        return text.toJsonObject();
      }
      Future<JsonObject> parsed = Utils.yamlStringToJson(text.toString(StandardCharsets.UTF_8));
      if (parsed.failed()) {
        throw new IllegalStateException(file + ": " + parsed.cause().getMessage(), parsed.cause());
      }
      return parsed.result();
    }, false);
  }

  private static Future<Void> readParts(Vertx vertx, JsonObject document, String directory,
                                        Map<String, JsonObject> parts) {
    List<String> unread = new ArrayList<>();
    forEachRef(document, ref -> {
      String file = fileOf(ref, directory);
      if (file != null && !parts.containsKey(file) && !unread.contains(file)) {
        unread.add(file);
      }
    });
    List<Future<Void>> reads = new ArrayList<>();
    for (String file : unread) {
      parts.put(file, new JsonObject()); // claimed, so a part that refers back is read once
      reads.add(read(vertx, file)
          .recover(e -> Future.failedFuture(new IllegalStateException("contract part " + file + ": " + e.getMessage(), e)))
          .compose(part -> {
            parts.put(file, part);
            return readParts(vertx, part, directoryOf(file), parts);
          }));
    }
    return Future.all(reads).mapEmpty();
  }

  private static JsonObject merge(JsonObject entry, String directory, Map<String, JsonObject> parts) {
    JsonObject merged = entry.copy();
    JsonObject paths = new JsonObject();
    entry.getJsonObject("paths", new JsonObject()).forEach(path -> {
      JsonObject item = (JsonObject) path.getValue();
      String ref = item.getString("$ref");
      paths.put(path.getKey(), ref == null ? item.copy() : localized(resolve(ref, directory, parts)));
    });
    merged.put("paths", paths);

    JsonObject components = new JsonObject();
    JsonObject own = localized(entry.getJsonObject("components", new JsonObject()));
    own.forEach(section -> ((JsonObject) section.getValue()).forEach(named -> {
      String self = "#/components/" + section.getKey() + "/" + escape(named.getKey());
      if (!(named.getValue() instanceof JsonObject value && self.equals(value.getString("$ref")))) {
        add(components, section.getKey(), named.getKey(), named.getValue(), "openapi.yaml");
      }
    }));
    parts.forEach((file, part) -> localized(part.getJsonObject("components", new JsonObject()))
        .forEach(section -> ((JsonObject) section.getValue())
            .forEach(named -> add(components, section.getKey(), named.getKey(), named.getValue(), file))));
    merged.put("components", components);
    return merged;
  }

  private static void add(JsonObject components, String section, String name, Object value, String file) {
    JsonObject named = components.getJsonObject(section);
    if (named == null) {
      named = new JsonObject();
      components.put(section, named);
    }
    if (named.containsKey(name) && !named.getValue(name).equals(value)) {
      throw new IllegalStateException("contract part " + file + ": components/" + section + "/" + name
          + " is defined differently elsewhere");
    }
    named.put(name, value);
  }

  /** The path item a {@code $ref} names, e.g. {@code contract/crm.yaml#/paths/~1v1~1leads}. */
  private static JsonObject resolve(String ref, String directory, Map<String, JsonObject> parts) {
    String file = fileOf(ref, directory);
    Object node = file == null ? null : parts.get(file);
    String pointer = URLDecoder.decode(ref.substring(ref.indexOf('#') + 1), StandardCharsets.UTF_8);
    for (String token : pointer.substring(1).split("/")) {
      String key = token.replace("~1", "/").replace("~0", "~");
      node = node instanceof JsonObject object ? object.getValue(key) : null;
    }
    if (!(node instanceof JsonObject item)) {
      throw new IllegalStateException("contract: nothing at " + ref);
    }
    return item;
  }

  /** A copy in which every reference is local: parts only ever refer to each other's components. */
  private static JsonObject localized(JsonObject node) {
    JsonObject copy = node.copy();
    rewriteRefs(copy);
    return copy;
  }

  private static void rewriteRefs(Object node) {
    if (node instanceof JsonObject object) {
      if (object.getValue("$ref") instanceof String ref && !ref.startsWith("#")) {
        String pointer = ref.substring(ref.indexOf('#') + 1);
        if (!ref.contains("#") || !pointer.startsWith("/components/")) {
          throw new IllegalStateException("contract: a part may only refer to components, not " + ref);
        }
        object.put("$ref", "#" + pointer);
      }
      object.forEach(member -> rewriteRefs(member.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(ContractParts::rewriteRefs);
    }
  }

  private static void forEachRef(Object node, Consumer<String> action) {
    if (node instanceof JsonObject object) {
      if (object.getValue("$ref") instanceof String ref) {
        action.accept(ref);
      }
      object.forEach(member -> forEachRef(member.getValue(), action));
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> forEachRef(item, action));
    }
  }

  /** The file a reference points into, relative to the referring file's directory; null when local. */
  private static String fileOf(String ref, String directory) {
    String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
    if (file.isEmpty()) {
      return null;
    }
    List<String> segments = new ArrayList<>(directory.isEmpty() ? List.of() : List.of(directory.split("/")));
    for (String segment : file.split("/")) {
      if (segment.equals("..") && !segments.isEmpty()) {
        segments.remove(segments.size() - 1);
      } else if (!Set.of(".", "").contains(segment)) {
        segments.add(segment);
      }
    }
    return String.join("/", segments);
  }

  private static String directoryOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.forEach(member -> map.put(member.getKey(), plain(member.getValue())));
      return map;
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      array.forEach(item -> list.add(plain(item)));
      return list;
    }
    return value;
  }
}
