package io.moeen.crm.leads;

import io.moeen.crm.CrmFixtures;
import io.moeen.crm.LeadApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search returns only a page (changeset 023's {@code crm_lead_search}): whether a word is common
 * (its page is found among the newest leads), rare (the trigram index gives every match) or only on
 * old leads, each page must be the next slice of "every match the caller may see, newest first",
 * exactly as if all matches had been fetched and sorted. Compared here with that, computed in SQL
 * as the tables' owner, over a few thousand leads of three owners with shared creation times.
 */
class LeadSearchPagesTest {
  /** Pages walked per search at most; a common word has hundreds. */
  private static final int MAX_PAGES = 6;
  static RunningApp app;
  static CrmFixtures crm;
  static LeadApi api;
  static String supervisor;
  static String marketer;

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-search-pages");
    crm = new CrmFixtures(app);
    api = new LeadApi(app);
    crm.addSecondMarketer();
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
    marketer = app.loginAs(DemoAccounts.MARKETER);
    // 6,000 leads, two to a minute (so pages and the window's edge fall between equal times):
    // "Dense" on 1 in 4, "أحمد" on 1 in 3, "Sparse" on 12, "Oldonly" on 1 in 10 of the oldest 1,000,
    // phones +96657 and n in seven digits (٠٥٧٠٠٠٠١ finds 5700001: n 10-19 and 100-199);
    // a third the demo marketer's, a third the second marketer's, a third nobody's
    app.asOwner("""
        INSERT INTO crm_leads (full_name, phone, source, owner_id, status, lost_reason, created_at)
        SELECT 'Lead ' || n
               || CASE WHEN n %% 4 = 0 THEN ' Dense' ELSE '' END
               || CASE WHEN n %% 3 = 0 THEN ' أحمد' ELSE '' END
               || CASE WHEN n %% 500 = 7 THEN ' Sparse' ELSE '' END
               || CASE WHEN n > 5000 AND n %% 10 = 0 THEN ' Oldonly' ELSE '' END,
               '+96657' || lpad(n::text, 7, '0'),
               'web_form',
               (ARRAY['%s', '%s', NULL]::uuid[])[1 + n %% 3],
               (ARRAY['new', 'contacted', 'qualified', 'booked', 'lost'])[1 + n %% 5],
               CASE WHEN n %% 5 = 4 THEN 'price' END,
               now() - make_interval(mins => n / 2)
        FROM generate_series(1, 6000) AS n;
        ANALYZE crm_leads;
        """.formatted(CrmFixtures.MARKETER_ID, CrmFixtures.SECOND_MARKETER_ID));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Stream<Arguments> searches() {
    List<Arguments> all = new ArrayList<>();
    for (String who : List.of("supervisor", "marketer")) {
      for (String word : List.of("dense", "احمد", "sparse", "oldonly", "٠٥٧٠٠٠٠١")) {
        for (String filter : List.of("", "status=contacted", "owner=none")) {
          for (int limit : List.of(7, 20)) {
            all.add(Arguments.of(who, word, filter, limit));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} q={1} {2} limit={3}")
  @MethodSource("searches")
  @DisplayName("each page is the next slice of every visible match, newest first")
  void each_page_is_the_next_slice_of_every_visible_match_newest_first(String who, String word, String filter,
                                                                       int limit) {
    List<String> expected = expected(who, word, filter);
    List<String> listed = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = api.call("GET", "/v1/crm/leads?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)
          + (filter.isEmpty() ? "" : "&" + filter) + "&limit=" + limit
          + (cursor == null ? "" : "&cursor=" + cursor), token(who), null).bodyAsJsonObject();
      List<String> ids = LeadApiTest.ids(page);
      cursor = page.getString("nextCursor");
      assertThat(ids).as("page %d", pages + 1).hasSize(cursor == null ? ids.size() : limit);
      listed.addAll(ids);
      pages++;
    } while (cursor != null && pages < MAX_PAGES);

    if (cursor == null) {
      assertThat(listed).containsExactlyElementsOf(expected);
    } else {
      assertThat(listed).containsExactlyElementsOf(expected.subList(0, listed.size()));
    }
  }

  @ParameterizedTest(name = "q={0}")
  @MethodSource("words")
  @DisplayName("the export (no page) has every visible match")
  void the_export_has_every_visible_match(String word) {
    String csv = api.call("GET", "/v1/crm/leads.csv?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
        supervisor, null).bodyAsString();
    assertThat(csv.split("\r\n")).hasSize(1 + expected("supervisor", word, "").size());
  }

  static Stream<String> words() {
    return Stream.of("dense", "sparse", "oldonly");
  }

  private static String token(String who) {
    return who.equals("supervisor") ? supervisor : marketer;
  }

  /** Every match {@code who} may see, newest first: what the pages must add up to. */
  private static List<String> expected(String who, String word, String filter) {
    String visible = who.equals("supervisor") ? "true"
        : "(owner_id IS NULL OR owner_id = '" + CrmFixtures.MARKETER_ID + "')";
    String filtered = switch (filter) {
      case "status=contacted" -> "status = 'contacted'";
      case "owner=none" -> "owner_id IS NULL";
      default -> "true";
    };
    // a q of digits also finds the phone's digits without leading zeros (LeadQuery)
    String digits = io.moeen.common.i18n.Digits.toAscii(word).matches("\\d+")
        ? "'%" + io.moeen.common.i18n.Digits.toAscii(word).replaceFirst("^0+", "") + "%'" : "NULL";
    return crm.column("""
        SELECT id FROM crm_leads
        WHERE (search_text LIKE '%%' || normalize_search_text('%s') || '%%' OR search_text LIKE %s)
          AND merged_into_id IS NULL AND %s AND %s
        ORDER BY created_at DESC, id DESC""".formatted(word, digits, visible, filtered));
  }
}
