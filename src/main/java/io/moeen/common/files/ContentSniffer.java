package io.moeen.common.files;

import org.apache.tika.Tika;

/**
 * The media type of a file from its first bytes (magic numbers), with Apache Tika core, never from its
 * name or what the client said. Tika's type table is read at the first call: call from a worker.
 */
public final class ContentSniffer {
  /** How many leading bytes are looked at: enough for PDF, JPEG, PNG and DICOM's "DICM" at offset 128. */
  public static final int HEAD_BYTES = 8192;
  private static final Object LOCK = new Object();
  private static volatile Tika tika;

  private ContentSniffer() {
  }

  public static String detect(byte[] head) {
    Tika current = tika;
    if (current == null) {
      synchronized (LOCK) {
        if (tika == null) {
          tika = new Tika();
        }
        current = tika;
      }
    }
    return current.detect(head);
  }
}
