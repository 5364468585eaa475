package io.moeen.common.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of {@code db/changelog.yaml}, read as packaged, without a database. Liquibase applies
 * the files in the changelog's order; from now on that order is the files' number order. The
 * files applied before the rule keep their places (moving an applied changeset would break the
 * databases that already ran it), so they are recorded here as they stand.
 */
class ChangelogOrderTest {
  /** Already applied, in the order applied: 018 came after 021. Never edit this list. */
  static final List<String> GRANDFATHERED = List.of(
      "changes/001-foundation.sql",
      "demo/001-foundation-demo.sql",
      "changes/002-identity.sql",
      "demo/002-identity-demo.sql",
      "changes/003-notifications-outbox.sql",
      "changes/005-admin.sql",
      "changes/007-scheduling.sql",
      "demo/007-scheduling-demo.sql",
      "changes/009-booking.sql",
      "changes/010-reschedule.sql",
      "changes/011-notification-templates.sql",
      "changes/012-dispatch.sql",
      "changes/013-appointment-rows.sql",
      "changes/014-contacts.sql",
      "changes/015-crm.sql",
      "demo/015-crm-demo.sql",
      "changes/017-consent-opt-out.sql",
      "changes/019-crm-lead-search.sql",
      "demo/019-crm-demo.sql",
      "changes/020-crm-operations.sql",
      "changes/021-chatbot.sql",
      "changes/018-notification-admin.sql");

  private static final Pattern FILE = Pattern.compile("(changes|demo)/(\\d{3})-[a-z0-9-]+\\.sql");
  /** By number; a feature's demo data right after its schema. */
  private static final Comparator<String> FILE_ORDER = Comparator.comparingInt(ChangelogOrderTest::number)
      .thenComparing(file -> file.startsWith("demo/"));

  @Test
  void every_included_file_is_named_by_its_number() {
    assertThat(includes()).allMatch(file -> FILE.matcher(file).matches(), "changes/NNN-name.sql or demo/NNN-name-demo.sql");
  }

  @Test
  void the_grandfathered_files_stay_first_and_in_the_order_they_were_applied() {
    List<String> files = includes();

    assertThat(files.size()).isGreaterThanOrEqualTo(GRANDFATHERED.size());
    assertThat(files.subList(0, GRANDFATHERED.size())).containsExactlyElementsOf(GRANDFATHERED);
  }

  @Test
  void every_file_added_since_sorts_after_every_file_before_it() {
    assertThat(outOfOrder(includes(), GRANDFATHERED.size())).isEmpty();
  }

  @Test
  @DisplayName("the rule itself: a late number is caught, the grandfathered disorder is not, demo follows its schema")
  void the_rule_catches_a_file_numbered_below_an_earlier_one() {
    List<String> late = new ArrayList<>(GRANDFATHERED);
    late.add("changes/022-billing.sql");
    late.add("demo/022-billing-demo.sql");
    late.add("changes/016-forgotten.sql");
    late.add("changes/023-pharmacy.sql");
    late.add("changes/022-billing-again.sql");

    assertThat(outOfOrder(late, GRANDFATHERED.size()))
        .containsExactly("changes/016-forgotten.sql", "changes/022-billing-again.sql");
    assertThat(outOfOrder(GRANDFATHERED, 0)).containsExactly("changes/018-notification-admin.sql");
  }

  /** The files after the first {@code grandfathered} that do not sort after every file before them. */
  static List<String> outOfOrder(List<String> files, int grandfathered) {
    List<String> wrong = new ArrayList<>();
    String latest = null;
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      boolean after = latest == null || FILE_ORDER.compare(file, latest) > 0;
      if (i >= grandfathered && !after) {
        wrong.add(file);
      }
      if (after) {
        latest = file;
      }
    }
    return wrong;
  }

  private static int number(String file) {
    Matcher m = FILE.matcher(file);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a numbered changelog file: " + file);
    }
    return Integer.parseInt(m.group(2));
  }

  @SuppressWarnings("unchecked")
  static List<String> includes() {
    try (InputStream in = ChangelogOrderTest.class.getClassLoader().getResourceAsStream(Migrations.CHANGELOG)) {
      assertThat(in).as(Migrations.CHANGELOG + " on the classpath").isNotNull();
      Map<String, Object> changelog = new Yaml().load(in);
      List<Map<String, Object>> entries = (List<Map<String, Object>>) changelog.get("databaseChangeLog");
      return entries.stream()
          .map(entry -> {
            assertThat(entry).as("every changelog entry includes a numbered file").containsKey("include");
            return (String) ((Map<String, Object>) entry.get("include")).get("file");
          })
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
