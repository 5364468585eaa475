package io.moeen.api;

import io.moeen.testing.ContractDocument;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The contract's files: a repeated key silently drops what came first (a path's other methods, a schema). */
class ContractFileTest {

  @Test
  void no_file_of_the_contract_has_repeated_keys() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    for (Path file : ContractDocument.files()) {
      String text = Files.readString(file);
      assertThatCode(() -> new Yaml(new SafeConstructor(options)).load(text)).as(file.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void a_repeated_key_is_caught_which_shows_the_check_works() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    String twice = "paths:\n  /v1/a:\n    get: {}\n  /v1/a:\n    post: {}\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Yaml(new SafeConstructor(options)).load(twice))
        .hasMessageContaining("duplicate key");
  }
}
