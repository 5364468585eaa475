package io.moeen.clinical;

import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.files.BytesStream;
import io.moeen.common.files.FileStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * A small JPEG (at most {@value #SIZE} px on its longer side) of each JPEG or PNG upload, made on a worker right
 * after the upload's row is written, stored in the file store next to it, and named on the row
 * ({@code thumbnail_key}, set once by {@code clinical_file_thumbnail_stored}). The image is read subsampled, so
 * a large photo is never decoded whole; one of more than 100 megapixels, or one the decoder cannot read, gets
 * no thumbnail (logged): the upload itself stands.
 */
final class Thumbnails {
  static final int SIZE = 256;
  static final Set<String> IMAGES = Set.of("image/jpeg", "image/png");
  private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);
  private static final long MAX_PIXELS = 100_000_000L;

  private final ClinicalStore store;
  private final Vertx vertx;
  private final FileStore files;

  Thumbnails(ClinicalStore store, Vertx vertx, FileStore files) {
    this.store = store;
    this.vertx = vertx;
    this.files = files;
  }

  /** Makes and records the thumbnail of an image just uploaded; whether there is one now. Never fails. */
  Future<Boolean> make(Actor actor, UUID fileId, String storageKey, String contentType) {
    if (!IMAGES.contains(contentType)) {
      return Future.succeededFuture(false);
    }
    return files.find(storageKey)
        .compose(found -> {
          Path path = Path.of(found.flatMap(FileStore.StoredObject::localPath)
              .orElseThrow(() -> new IllegalStateException("no local file for " + storageKey)));
          return vertx.executeBlocking(() -> jpeg(path), false);
        })
        .compose(bytes -> {
          if (bytes == null) {
            return Future.succeededFuture(false);
          }
          return files.put(new BytesStream(bytes), bytes.length + 1L)
              .compose(stored -> store.as(actor, conn -> ClinicalStore.first(conn, "thumbnail_stored", fileId, stored.storageKey()))
                  .map(row -> row.map(r -> Boolean.TRUE.equals(r.getBoolean("written"))).orElse(false))
                  .compose(written -> written ? Future.succeededFuture(true)
                      : files.delete(stored.storageKey()).map(false)));
        })
        .recover(e -> {
          LOG.warn("No thumbnail for the file {}", fileId, e);
          return Future.succeededFuture(false);
        });
  }

  /** The thumbnail's JPEG bytes, or null when the image is too large to decode or unreadable. Blocking. */
  static byte[] jpeg(Path path) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
          return null;
        }
        int step = Math.max(1, Math.max(width, height) / (SIZE * 2));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage source = reader.read(0, param);
        double scale = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage thumbnail = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
          g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
          g.setColor(Color.WHITE); // a transparent PNG on white
          g.fillRect(0, 0, w, h);
          g.drawImage(source, 0, 0, w, h, null);
        } finally {
          g.dispose();
        }
        return encode(thumbnail);
      } finally {
        reader.dispose();
      }
    }
  }

  private static byte[] encode(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.8f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
