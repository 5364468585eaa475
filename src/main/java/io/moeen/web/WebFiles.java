package io.moeen.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file under a classpath folder, as relative path → bytes, whether the classes run from a folder
 * ({@code mvn test}) or from the jar. Blocking: call on a worker, once at start.
 */
final class WebFiles {
  static final String ROOT = "web";
  static final String MARKER = "widget.js";

  private WebFiles() {
  }

  static Map<String, byte[]> read(String root) {
    return read(WebFiles.class.getClassLoader(), root);
  }

  /**
   * Found through a file every root has ({@link #MARKER}): a jar need not list its folders as entries, so
   * the folder itself may not be a resource.
   */
  static Map<String, byte[]> read(ClassLoader classes, String root) {
    URL url = classes.getResource(root + "/" + MARKER);
    if (url == null) {
      throw new IllegalStateException("No '" + root + "/" + MARKER + "' on the classpath");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return readTree(jar.getPath(root));
        } catch (java.nio.file.FileSystemAlreadyExistsException openElsewhere) {
          return readTree(FileSystems.getFileSystem(uri).getPath(root));
        }
      }
      return readTree(Path.of(uri).getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> readTree(Path base) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = base.relativize(file).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(file)) {
          files.put(relative, in.readAllBytes());
        }
      }
    }
    return files;
  }
}
