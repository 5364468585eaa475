package io.moeen.notifications;

import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.DigitStyle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The clinic's digits for Arabic text, read once when a verticle starts (as the templates are):
 * the same public setting {@code clinic.digits} the web pages follow, so an inbox message and the
 * page around it write numbers alike. Each statement file that uses it has {@code clinic_digits}.
 */
public final class ClinicDigits {
  private ClinicDigits() {}

  public static Future<DigitStyle> load(Pool pool, SqlStatements sql) {
    return pool.query(sql.get("clinic_digits")).execute()
        .map(rows -> rows.size() == 0 ? DigitStyle.LATIN : DigitStyle.ofSetting(rows.iterator().next().getValue("value")));
  }
}
