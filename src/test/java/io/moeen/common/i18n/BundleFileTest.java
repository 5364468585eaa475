package io.moeen.common.i18n;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundle files as written: a key written twice would silently hide the first text. */
class BundleFileTest {
  private static final JsonFactory STRICT = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static void readAll(String json) throws IOException {
    try (JsonParser parser = STRICT.createParser(json)) {
      while (parser.nextToken() != null) {
        // reading is the check
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en"})
  void no_key_is_written_twice(String locale) throws IOException {
    String text = Files.readString(Path.of("i18n", locale + ".json"));
    assertThatCode(() -> readAll(text)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": \"1\", \"a\": \"2\"}"})
  void a_repeated_key_is_caught_which_shows_the_check_works(String json) {
    assertThatThrownBy(() -> readAll(json)).isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field");
  }
}
