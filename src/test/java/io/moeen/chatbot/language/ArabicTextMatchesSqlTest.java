package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.common.db.DatabaseServer;
import io.moeen.testing.TestDatabases;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chatbot folds Arabic exactly as the database's search columns do (normalize_search_text). */
class ArabicTextMatchesSqlTest {

  private static final String ALPHABET = "أإآٱاىيةهؤوئءبتثجحخدذرزسشصضطظعغفقكلمن"
      + "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640"
      + "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789ABCXYZabcxyz ،؟.,-";

  private static DatabaseServer db;

  @BeforeAll
  static void database() {
    db = TestDatabases.fresh("arabic_text_sql");
  }

  @Test
  @DisplayName("foldForSearch equals normalize_search_text on names, phrases and 2,000 random strings")
  void java_and_sql_fold_the_same() throws SQLException {
    List<String> samples = new ArrayList<>(List.of(
        "أحمد إبراهيم آل سعود", "مُحَمَّدٌ", "عيادة الأسنان", "مستشفى", "مؤمن", "رئيس", "الرَّحْمٰن", "مـــوعــد",
        "٠٥٥١٢٣٤٥٦٧", "۰۵۵۱۲۳۴۵۶۷", "Sarah AL-Harbi", "ٱلله", "", "  مسافات  ", "Noura@Example.COM"));
    Random random = new Random(2026);
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      samples.add(s.toString());
    }
    List<String> fromSql = sqlFold(samples);
    for (int i = 0; i < samples.size(); i++) {
      assertThat(ArabicText.foldForSearch(samples.get(i))).as("'%s'", samples.get(i)).isEqualTo(fromSql.get(i));
    }
  }

  @Test
  @DisplayName("normalize is the SQL fold with punctuation mapped and spaces collapsed")
  void normalize_extends_the_sql_fold() throws SQLException {
    List<String> samples = List.of("  كَمْ   السِّعْر؟ ", "نعم، بكرة", "مـوعد ١٠:٣٠", "Book  Now");
    List<String> fromSql = sqlFold(samples);
    for (int i = 0; i < samples.size(); i++) {
      String expected = fromSql.get(i).replace('،', ',').replace('؟', '?').trim().replaceAll("\\s+", " ");
      assertThat(ArabicText.normalize(samples.get(i))).isEqualTo(expected);
    }
  }

  private static List<String> sqlFold(List<String> samples) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement statement = c.prepareStatement(
            "SELECT normalize_search_text(s) FROM unnest(?::text[]) WITH ORDINALITY AS t(s, n) ORDER BY n")) {
      Array array = c.createArrayOf("text", samples.toArray());
      statement.setArray(1, array);
      List<String> folded = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          folded.add(rs.getString(1));
        }
      }
      return folded;
    }
  }
}
