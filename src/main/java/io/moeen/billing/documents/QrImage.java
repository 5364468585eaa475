package io.moeen.billing.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/** The ZATCA QR (its base64 TLV text) as a PNG image, black on white, with the quiet zone the standard asks. */
public final class QrImage {
  private QrImage() {
  }

  /**
   * At least {@code size} pixels wide, each module a whole square of pixels: asked for a size that is not a
   * multiple of the modules, ZXing would draw one pixel per module and pad, and a phase-2 QR (about a hundred
   * modules) would then be a blur once the page scales it up.
   */
  public static byte[] png(String text, int size) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
              EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
      int scale = Math.max(1, (size + matrix.getWidth() - 1) / matrix.getWidth());
      BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
          BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("QR text does not fit a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String dataUri(String text) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, 400));
  }
}
