package io.moeen.common.i18n;

import static io.moeen.common.i18n.SupportedLocale.AR;
import static io.moeen.common.i18n.SupportedLocale.EN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessageFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped bundles: both languages say the same things, and every message is well-formed. */
class BundleParityTest {

  private static final Messages MESSAGES = Messages.load();

  @Test
  void every_key_exists_in_both_bundles() {
    assertThat(MESSAGES.keys(AR)).containsExactlyInAnyOrderElementsOf(MESSAGES.keys(EN));
  }

  @Test
  void every_message_parses_as_icu_message_format() {
    for (SupportedLocale locale : SupportedLocale.values()) {
      MESSAGES.bundle(locale).forEach((key, pattern) ->
          assertThat(new MessageFormat(pattern, locale.uLocale())).as("%s %s", locale, key).isNotNull());
    }
  }

  @Test
  void every_argument_is_named() {
    for (SupportedLocale locale : SupportedLocale.values()) {
      MESSAGES.bundle(locale).forEach((key, pattern) ->
          assertThat(IcuPatterns.hasNumberedArguments(pattern)).as("%s %s", locale, key).isFalse());
    }
  }

  @Test
  void a_key_uses_the_same_argument_names_in_both_locales() {
    for (String key : sharedKeys()) {
      assertThat(IcuPatterns.argumentNames(MESSAGES.bundle(AR).get(key)))
          .as(key)
          .isEqualTo(IcuPatterns.argumentNames(MESSAGES.bundle(EN).get(key)));
    }
  }

  @Test
  void arabic_plurals_have_all_six_cldr_categories() {
    MESSAGES.bundle(AR).forEach((key, pattern) ->
        IcuPatterns.pluralSelectors(pattern).forEach((argument, selectors) ->
            assertThat(selectors)
                .as("%s {%s}", key, argument)
                .containsAll(IcuPatterns.ARABIC_PLURAL_CATEGORIES)));
  }

  @Test
  void english_plurals_have_at_least_one_and_other() {
    MESSAGES.bundle(EN).forEach((key, pattern) ->
        IcuPatterns.pluralSelectors(pattern).forEach((argument, selectors) ->
            assertThat(selectors)
                .as("%s {%s}", key, argument)
                .containsAll(IcuPatterns.ENGLISH_PLURAL_CATEGORIES)));
  }

  @Test
  void plural_arguments_are_the_same_in_both_locales() {
    for (String key : sharedKeys()) {
      assertThat(IcuPatterns.pluralSelectors(MESSAGES.bundle(AR).get(key)).keySet())
          .as(key)
          .isEqualTo(IcuPatterns.pluralSelectors(MESSAGES.bundle(EN).get(key)).keySet());
    }
  }

  @Test
  void no_message_is_blank() {
    for (SupportedLocale locale : SupportedLocale.values()) {
      MESSAGES.bundle(locale).forEach((key, pattern) -> assertThat(pattern).as("%s %s", locale, key).isNotBlank());
    }
  }

  // no Arabic message is a Latin-script proper name today; add an exemption here if one ever is
  @Test
  void every_arabic_message_is_written_in_arabic_script() {
    MESSAGES.bundle(AR).forEach((key, pattern) ->
        assertThat(pattern.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
            .as("%s: %s", key, pattern)
            .isTrue());
  }

  @Test
  void arabic_text_uses_arabic_comma_and_question_mark() {
    MESSAGES.bundle(AR).forEach((key, pattern) -> {
      String shown = formatWithSmallNumbers(AR, pattern);
      assertThat(shown).as("%s: %s", key, shown).doesNotContain(",", "?", ";");
    });
  }

  @Test
  void every_message_formats_without_leftover_placeholders() {
    for (SupportedLocale locale : SupportedLocale.values()) {
      MESSAGES.bundle(locale).forEach((key, pattern) ->
          assertThat(formatWithSmallNumbers(locale, pattern)).as("%s %s", locale, key).doesNotContain("{", "}"));
    }
  }

  @Test
  void client_bundle_is_sorted_by_key_and_unmodifiable() {
    Map<String, String> bundle = MESSAGES.bundle(AR);
    assertThat(bundle.keySet()).containsExactlyElementsOf(new TreeMap<>(bundle).keySet());
    assertThat(bundle).containsEntry("app.name", "معين");
    assertThatThrownBy(() -> bundle.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // keys missing on one side are reported by every_key_exists_in_both_bundles
  private static Set<String> sharedKeys() {
    Set<String> shared = new TreeSet<>(MESSAGES.keys(EN));
    shared.retainAll(MESSAGES.keys(AR));
    return shared;
  }

  // every argument gets 3: small enough that no grouping separator appears, and valid for plurals
  private static String formatWithSmallNumbers(SupportedLocale locale, String pattern) {
    Map<String, Object> args = new TreeMap<>();
    Set<String> names = IcuPatterns.argumentNames(pattern);
    names.forEach(name -> args.put(name, 3));
    return new MessageFormat(pattern, locale.uLocale()).format(args);
  }
}
