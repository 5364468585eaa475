package io.moeen.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (see META-INF/services): the databases a class cloned are
 * dropped when the class is done, after its own {@code @AfterAll}, so a whole suite holds a
 * handful of databases on disk instead of one per class.
 */
public final class DropClassDatabases implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DropClassDatabases.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put("mark", TestDatabases.createdSoFar());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Integer mark = context.getStore(NAMESPACE).get("mark", Integer.class);
    if (mark != null) {
      TestDatabases.dropCreatedSince(mark);
    }
  }
}
