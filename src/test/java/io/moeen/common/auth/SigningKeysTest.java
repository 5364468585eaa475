package io.moeen.common.auth;

import io.moeen.testing.Scratch;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {
  @Test
  void starts_sharing_an_empty_keys_directory_at_once_make_one_pair_between_them() throws Exception {
    Path dir = Scratch.dir("moeen-keys").resolve("shared");
    List<CompletableFuture<SigningKeys>> starts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      starts.add(CompletableFuture.supplyAsync(() -> SigningKeys.loadOrCreate(dir)));
    }
    List<String> publics = starts.stream().map(start -> start.join().publicPem()).distinct().toList();
    assertThat(publics).hasSize(1);
    assertThat(SigningKeys.loadOrCreate(dir).publicPem()).isEqualTo(publics.get(0));
    assertThat(Files.readString(dir.resolve(SigningKeys.PUBLIC_FILE))).isEqualTo(publics.get(0));
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }
}
