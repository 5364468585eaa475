package io.moeen.common.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The ES256 key pair that signs access tokens, as PEM. Kept in a directory (by default
 * {@code MOEEN_DATA_DIR/keys}); generated there on first start. Instances behind one load
 * balancer must share it.
 */
public record SigningKeys(String privatePem, String publicPem) {
  static final String PRIVATE_FILE = "jwt-es256-private.pem";
  static final String PUBLIC_FILE = "jwt-es256-public.pem";

  /** Blocking (file I/O, key generation): call on a worker. */
  public static SigningKeys loadOrCreate(Path dir) {
    Path privateFile = dir.resolve(PRIVATE_FILE);
    Path publicFile = dir.resolve(PUBLIC_FILE);
    try {
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        return new SigningKeys(Files.readString(privateFile), Files.readString(publicFile));
      }
      Files.createDirectories(dir);
      // nodes of a cluster sharing MOEEN_JWT_KEYS_DIR may start together: one makes the pair, the
      // others wait for its lock and read that pair (each writing its own would leave a mismatched one)
      // (the file lock is the JVM's, not a thread's: the class's monitor orders threads of one process)
      synchronized (SigningKeys.class) {
        return createOnce(dir, privateFile, publicFile);
      }
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read or create the token signing keys in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static SigningKeys createOnce(Path dir, Path privateFile, Path publicFile)
      throws IOException, java.security.GeneralSecurityException {
    try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
         java.nio.channels.FileLock lock = lockFile.lock()) {
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        return new SigningKeys(Files.readString(privateFile), Files.readString(publicFile));
      }
      return create(privateFile, publicFile);
    }
  }

  private static SigningKeys create(Path privateFile, Path publicFile)
      throws IOException, java.security.GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    SigningKeys keys = new SigningKeys(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
        pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    // each file appears whole (written aside, then moved), the public one last: a reader that finds
    // both without the lock finds a finished pair
    Path privateTemp = privateFile.resolveSibling(privateFile.getFileName() + ".tmp");
    Files.writeString(privateTemp, keys.privatePem(), StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(privateTemp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    Files.move(privateTemp, privateFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Path publicTemp = publicFile.resolveSibling(publicFile.getFileName() + ".tmp");
    Files.writeString(publicTemp, keys.publicPem(), StandardCharsets.US_ASCII);
    Files.move(publicTemp, publicFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return keys;
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
