package io.moeen.reference;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Reads settings and languages; the SQL lives in reference.sql beside this feature. */
final class ReferenceStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/reference/reference.sql");

  private final Pool pool;

  ReferenceStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  /** Public settings as key → value, localizable ones in {@code locale}. */
  Future<JsonObject> publicSettings(String locale, String defaultLocale) {
    return pool.preparedQuery(SQL.get("public_settings")).execute(Tuple.of(locale, defaultLocale))
        .map(rows -> {
          JsonObject settings = new JsonObject();
          for (Row row : rows) {
            Object value = jsonValue(row.getValue("value"));
            String translated = row.getString("translated");
            settings.put(row.getString("key"), row.getBoolean("is_localized") && translated != null ? translated : value);
          }
          return settings;
        });
  }

  Future<List<Language>> activeLanguages() {
    return pool.preparedQuery(SQL.get("active_languages")).execute()
        .map(rows -> {
          List<Language> languages = new ArrayList<>();
          for (Row row : rows) {
            languages.add(new Language(row.getString("code"), row.getString("name_en"),
                row.getString("name_native"), row.getString("direction")));
          }
          return languages;
        });
  }

  private static Object jsonValue(Object value) {
    return value == Tuple.JSON_NULL ? null : value;
  }

  record Language(String code, String nameEn, String nativeName, String direction) {
  }
}
