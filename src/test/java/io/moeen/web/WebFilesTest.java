package io.moeen.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The web files are found the same way in a folder ({@code mvn test}) and in the jar ({@code java -jar}). */
class WebFilesTest {
  @Test
  void reads_every_file_under_the_folder_from_a_jar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "web/widget.js", "loader");
      put(out, "web/assets/widget/view.js", "view");
      put(out, "other/ignored.txt", "no");
    }
    try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Map<String, byte[]> files = WebFiles.read(classes, "web");
      assertThat(files).containsOnlyKeys("widget.js", "assets/widget/view.js");
      assertThat(new String(files.get("assets/widget/view.js"), StandardCharsets.UTF_8)).isEqualTo("view");
    }
  }

  @Test
  void reads_the_real_files_from_the_classpath() {
    Map<String, byte[]> files = WebFiles.read("web");
    assertThat(files).containsKeys("widget.js", "pages/demo/index.html", "assets/widget/widget.js",
        "assets/fonts/NotoNaskhArabic-Regular.ttf", "assets/fonts/OFL.txt");
  }

  @Test
  void the_assets_version_follows_their_content() {
    Map<String, byte[]> one = Map.of("assets/a.js", bytes("1"), "pages/index.html", bytes("<p>{{assets}}</p>"));
    Map<String, byte[]> two = Map.of("assets/a.js", bytes("2"), "pages/index.html", bytes("<p>{{assets}}</p>"));
    Site first = new Site(one);
    Site second = new Site(two);
    assertThat(first.version()).isNotEqualTo(second.version()).isEqualTo(new Site(one).version());
    assertThat(new String(first.find("/app/").orElseThrow().body(), StandardCharsets.UTF_8))
        .isEqualTo("<p>/app/a/" + first.version() + "</p>");
    assertThat(first.find("/app/a/" + second.version() + "/a.js")).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void put(JarOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream body = out;
    body.write(bytes(content));
    out.closeEntry();
  }
}
