package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** One test per stage of understanding: normalise, classify, read entities, pick a place in a list. */
class PipelineStagesTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final Clock SUNDAY = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), RIYADH);
  static final ClinicCatalogue CLINIC = ClinicCatalogue.corpusClinic();

  @Test
  void normalising_folds_elongation_dialect_days_and_reads_arabizi() {
    assertThat(ChatNormalizer.normalize("ابيي مووووعد باجر")).isEqualTo("ابي موعد بكره");
    assertThat(ChatNormalizer.normalize("النهارده")).isEqualTo("اليوم");
    assertThat(ChatNormalizer.normalize("أبغى موعِد")).isEqualTo("ابغي موعد");
    assertThat(ChatNormalizer.arabizi(ChatNormalizer.normalize("abi maw3ed bukra"))).isEqualTo("ابي موعد بكره");
    assertThat(ChatNormalizer.arabizi("7ajz")).isEqualTo("حجز");
    assertThat(ChatNormalizer.arabizi("book an appointment")).isEqualTo("book an appointment");
  }

  @Test
  void the_trained_model_reads_what_the_synonym_rules_alone_missed() {
    assertThat(label("ما اقدر اجي بكرة")).isEqualTo("CANT_COME");
    assertThat(label("وش عندي مواعيد")).isEqualTo("MY_APPOINTMENTS");
    assertThat(label("abi maw3ed bukra")).isEqualTo("BOOK");
    assertThat(label("ابي appointment بكرة")).isEqualTo("BOOK");
    assertThat(label("what time do you close")).isEqualTo("HOURS");
    assertThat(label("بكره العصر")).isEqualTo("INFORM");
    assertThat(label("tell me a joke")).isEqualTo("NONE");
  }

  @Test
  void entities_are_read_from_one_message() {
    Entities e = EntityReader.read("ابي موعد تنظيف اسنان بكرة العصر مع د. خالد", CLINIC, RIYADH, SUNDAY);
    assertThat(e.service()).isEqualTo("dental_cleaning");
    assertThat(e.doctor()).isEqualTo("khalid");
    assertThat(e.day()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(e.dayPart()).isEqualTo("afternoon");
    Entities f = EntityReader.read("اسمي محمد العتيبي ورقمي 0551234567 الساعه ٤ العصر فرع جدة", CLINIC, RIYADH, SUNDAY);
    assertThat(f.name()).isEqualTo("محمد العتيبي");
    assertThat(f.doctor()).isNull();
    assertThat(f.phone()).isEqualTo("+966551234567");
    assertThat(f.time()).isEqualTo(LocalTime.of(16, 0));
    assertThat(f.branch()).isEqualTo("rawdah");
    assertThat(EntityReader.read("صباح الخير", CLINIC, RIYADH, SUNDAY).isEmpty()).isTrue();
    assertThat(EntityReader.read("تخطيط قلب", CLINIC, RIYADH, SUNDAY).service()).isEqualTo("ecg");
  }

  @Test
  void a_place_in_a_list_and_the_one_matcher() {
    assertThat(Ordinals.of("الثاني")).hasValue(2);
    assertThat(Ordinals.of("رقم ٣")).hasValue(3);
    assertThat(Ordinals.of("the 2nd one")).hasValue(2);
    assertThat(Ordinals.of("ابي موعد")).isEmpty();
    assertThat(OptionMatcher.candidates("4 العصر", java.util.List.of("15:30", "16:00"))).containsExactly(1);
    assertThat(OptionMatcher.candidates("قلب", java.util.List.of("كشف عام", "استشارة قلب", "تخطيط القلب")))
        .containsExactly(1, 2);
    // Arabizi at a list of Arabic options: a name, a service, a time, an ordinal
    java.util.List<String> doctors = java.util.List.of("د. خالد العتيبي", "د. مها الحربي", "د. فيصل الدوسري");
    assertThat(OptionMatcher.candidates("dr khaled", doctors)).containsExactly(0);
    assertThat(OptionMatcher.candidates("maha", doctors)).containsExactly(1);
    assertThat(OptionMatcher.candidates("tandheef asnan", java.util.List.of("كشف عام", "تنظيف الأسنان"))).containsExactly(1);
    assertThat(OptionMatcher.candidates("4 el 3asr", java.util.List.of("15:30", "16:00"))).containsExactly(1);
    assertThat(OptionMatcher.candidates("el tani", doctors)).containsExactly(1);
    assertThat(OptionMatcher.candidates("tomorrow", doctors)).isEmpty();
  }

  private static String label(String text) {
    return ChatUnderstanding.read(text, CLINIC, RIYADH, SUNDAY).label();
  }
}
