package io.moeen.chatbot.language;

import static io.moeen.chatbot.language.PipelineStagesTest.CLINIC;
import static io.moeen.chatbot.language.PipelineStagesTest.RIYADH;
import static io.moeen.chatbot.language.PipelineStagesTest.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the entity stage reads from shapes a fresh writer's lines showed it missing (eighth part of issue 17: the
 * 408 new training lines, read by the entity stage, which is not trained). Each case names the class of input,
 * with spellings beside the one that was seen. Today is Sunday 1 Nov 2026 in Riyadh.
 */
class EntityReaderTest {

  private static Entities read(String text) {
    return EntityReader.read(text, CLINIC, RIYADH, SUNDAY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"مش هقدر آجي النهارده خالص", "ما عندي شي خالص", "خاله بتجي معي", "رايح عند خالي بكرة",
      "khales ma agdar", "i'm totally done, khalas"})
  void an_everyday_word_a_letter_from_a_short_doctors_name_is_not_that_doctor(String text) {
    assertThat(read(text).doctor()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ابي موعد الشهر الجاي", "في اخر الشهر", "الفحص الدوري للولد بكم؟", "هل تجرون الفحوصات الدورية للأطفال؟",
      "تحب الرياضه؟", "الساعة 11 صعبة عليا", "الموعد ده صعب عليا", "next month please"})
  void an_everyday_word_a_letter_or_a_stem_from_a_long_name_is_no_doctor_or_branch(String text) {
    // «الشهر» (month) is a stem from «الشهري», «الدوري» (periodic) a letter from «الدوسري», «الرياضه» (sport) a
    // pronoun from «الرياض», «عليا» (on me) the article from «العليا»
    Entities e = read(text);
    assertThat(e.doctor()).isNull();
    assertThat(e.branch()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"مع د. الشهرى بكرة|maha|", "مع فيصل الدسري|faisal|", "موعد مع الدوسرى|faisal|",
      "للدوسري|faisal|", "far3 el rawda|rawdah|branch", "في فرع عليا|olaya|branch", "بالعليا|olaya|branch",
      "للعليا الله يخليك|olaya|branch", "in jedda|rawdah|branch",
      "اقدر انقل موعدي من العليا للروضة؟ طلعت لي سفره لجده|rawdah|branch"})
  void a_name_a_letter_off_or_without_its_article_is_read_after_a_title_with_or_a_branch_word(String text, String id,
      String branch) {
    Entities e = read(text);
    assertThat(branch == null ? e.doctor() : e.branch()).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"مع د. خالد|khalid", "مع الدكتور خالد العتيبي|khalid", "dr khalid please|khalid",
      "عند د فيصل|faisal", "عند دكتور الدوسيري|faisal", "مع الدكتوره مها|maha"})
  void a_doctor_is_still_read_by_name_and_a_long_name_with_a_typo(String text, String doctor) {
    assertThat(read(text).doctor()).isEqualTo(doctor);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"يوم الاتنين الضهر", "هل توجد مواعيد متاحة يوم الإثنين؟", "الاثنين الصبح", "يوم التلاتا",
      "الأربعاء العصر", "monday morning"})
  void a_weekday_is_not_a_typo_of_a_service(String text) {
    assertThat(read(text).service()).isNull();
    assertThat(read(text).day()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"how much for dental cleaning for 2 kids|dental_cleaning",
      "تنظيف اسنان لولدي|dental_cleaning", "تخطيط القلب لبنتي|ecg", "فحص دوري للطفل|child_checkup",
      "فحص لولدي|child_checkup", "checkup للولد|child_checkup", "فحص للبنت|child_checkup", "ما هي رسوم الاستشارة العامة؟|general_consultation",
      "كم سعر الاستشاره العامه|general_consultation"})
  void a_service_named_in_full_is_the_one_meant(String text, String service) {
    assertThat(read(text).service()).isEqualTo(service);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"فيني أأجل موعدي لبكرا؟|2026-11-02", "في موعد بكرا؟|2026-11-02",
      "fi maw3d fa6i bukra?|2026-11-02", "any slots tomorrow?|2026-11-02", "عندكم شي الخميس؟|2026-11-05",
      "موعد النهارده؟|2026-11-01", "are you open on fridays?|2026-11-06"})
  void a_question_mark_glued_to_the_day_does_not_hide_it(String text, String day) {
    assertThat(read(text).day()).isEqualTo(LocalDate.parse(day));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"في موعد بكرا بعد الضهر؟|afternoon", "ممكن تأخرو موعدي للمغرب|evening",
      "خلها للعصر|afternoon", "ابيه بالمسا|evening", "الصبح لو سمحت|morning"})
  void a_part_of_the_day_with_its_particle_or_a_mark_on(String text, String part) {
    assertThat(read(text).dayPart()).isEqualTo(part);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"can u fit me in this evening|evening", "anything tonight?|evening",
      "ابي موعد الليلة|", "فيه شي هالمسا؟|evening", "this morning if possible|morning"})
  void this_evening_and_tonight_are_today(String text, String part) {
    Entities e = read(text);
    assertThat(e.day()).isEqualTo(LocalDate.of(2026, 11, 1));
    if (part != null) {
      assertThat(e.dayPart()).isEqualTo(part);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"change my appt from tuesday to thursday|2026-11-05",
      "move it from monday to wednesday please|2026-11-04", "ابي انقل موعدي من الثلاثاء الى الخميس|2026-11-05",
      "من بكرة لين السبت|2026-11-07", "أجله من الأحد إلى الاثنين|2026-11-02",
      "move my appointment to thursday|2026-11-05", "from 4 to 6 on thursday|2026-11-05",
      "غيروا موعدي من الثلاثاء للخميس|2026-11-05", "abi a2a5er el maw3ed l ba3d bokra|2026-11-03",
      "ابي موعد من د. خالد بكرة|2026-11-02", "ابي الاحد بدال الخميس|2026-11-08",
      // tenth part: "the day after tomorrow" is four words; «لبعد», «ليوم» with the word after; the 5th of this month
      "change it to the day after tomorrow|2026-11-03", "ابي انقل موعدي من بكرة لبعد بكرة|2026-11-03",
      "move my appt from the 3rd to the 5th|2026-11-05", "ابغى انقل موعدي ليوم ١٥|2026-11-15"})
  void a_move_from_one_day_to_another_means_the_day_it_goes_to(String text, String day) {
    assertThat(read(text).day()).isEqualTo(LocalDate.parse(day));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"ممكن تحولون موعدي عند دكتور فيصل بدال دكتور خالد|faisal|",
      "مع خالد مو فيصل|khalid|", "with dr maha instead of dr khalid|maha|",
      "can you move me from olaya to the jeddah branch|rawdah|branch", "انقلوني من فرع جدة الى فرع العليا|olaya|branch"})
  void of_two_doctors_or_branches_the_one_it_goes_to(String text, String id, String branch) {
    Entities e = read(text);
    assertThat(branch == null ? e.doctor() : e.branch()).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"bokra el 3asr|2026-11-02", "abi a7jez maw3ed bokra|2026-11-02",
      "ana 7ajez bokra sa7?|2026-11-02", "bukrah if possible|2026-11-02"})
  void arabizi_tomorrow_in_its_spellings(String text, String day) {
    assertThat(read(text).day()).isEqualTo(LocalDate.parse(day));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"el sa3a 6 masa2an|18:00", "ممكن تنقلي الحجز للساعة ٦|18:00",
      "للساعه ٤ العصر|16:00"})
  void an_hour_said_in_arabizi_or_with_its_particle(String text, String time) {
    assertThat(read(text).time()).hasToString(time);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"mornings are better for me|morning", "evenings only|evening",
      "الفترة المسائية|evening", "الفترة الصباحية|morning", "مسائي لو سمحت|evening"})
  void a_part_of_the_day_in_the_plural_or_as_a_period(String text, String part) {
    assertThat(read(text).dayPart()).isEqualTo(part);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"esmi noura al3tibi|noura al3tibi", "is it confirmed? its under the name Faris|faris",
      "الحجز باسم نورة|نوره", "احجز على اسم سارة الشهري|ساره الشهري", "booked under sara ahmed|sara ahmed",
      "اسمي باسم|باسم", "my name is 7amad|7amad", "it's under Saad Al-Otaibi|saad al-otaibi", "اسمها ريم حداد|ريم حداد",
      "الاسم: منيرة السبيعي|منيره السبيعي", "her name is Huda|huda"})
  void a_name_is_read_after_any_way_of_giving_it(String text, String name) {
    Entities e = read(text);
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.doctor()).as("the person's own family name is not a doctor's").isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"اسمي محمد ورقمي 0551234567 الساعه ٤ العصر فرع جدة|16:00",
      "my name is Sara and 4pm thursday please|16:00"})
  void what_follows_a_name_is_still_read(String text, String time) {
    assertThat(read(text).time()).hasToString(time);
  }

  // ninth part of issue 17: what two more fresh writers' detail-rich lines showed (the batches, not a held-out set)

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"can my mom get a follow-up with Dr Otaibi tonight at 7?|19:00", "الليلة الساعة ٩|21:00",
      "بعد بكره بالليل الساعه ٨|20:00", "hi abi motaba3a m3 dr khalid ba3d bokra sa3a 7 bel lel|19:00",
      "bokra el sob7 aw el sa3a 4|16:00"})
  void an_hour_with_the_night_said_elsewhere_in_the_message_is_in_the_evening(String text, String time) {
    assertThat(read(text).time()).hasToString(time);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"الساعة الثانية عشرة ظهراً|12:00", "الساعة الخامسة والنصف مساءً|17:30",
      "الساعة الحادية عشرة والنصف صباحاً|11:30", "بتاريخ ١٥ ديسمبر الساعة الحادية عشرة صباحاً|11:00",
      "عالساعة تنعش الضهر|12:00", "3al 4 w nos|16:30", "abgha a7jz 3nd el dosari bokra el sa3a 8 w nos el sob7|08:30"})
  void hours_in_words_and_halves_in_every_spelling(String text, String time) {
    assertThat(read(text).time()).hasToString(time);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"momken a7jez le ebni fa7s dawri 3nd dr khalid yom el tlat sa3a 4|2026-11-03",
      "mmkn tenglon el takhteet m3 dr faisal lel khamis 11 w nos?|2026-11-05",
      "3ayza mi3ad motaba3a yom el arba3 el dohr|2026-11-04", "abi a7jz l abooy takhteet 8alb el khamis 6 el maghrib|2026-11-05"})
  void arabizi_weekdays_in_a_long_message_with_names(String text, String day) {
    assertThat(read(text).day()).hasToString(day);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"ابي اغير موعدي مع د فيصل من باجر لعقب باجر|2026-11-03",
      "ممكن تأخرون موعد تنظيف الاسنان لبعد بكرة؟|2026-11-03", "موعدي الثلاثاء ابغى اخليه الأربعاء نفس الوقت|2026-11-04",
      "ممكن نقدم موعد التخطيط لليوم الظهر بدل بكرة؟|2026-11-01", "موعدي بكرة ابي اخليه بعد بكرة|2026-11-03"})
  void a_move_names_its_new_day_after_make_it_or_not_after_instead_of(String text, String day) {
    assertThat(read(text).day()).hasToString(day);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"ابغى انقل موعدي مع دكتور خالد من الساعة ٤ للساعة ٦|18:00",
      "بدل موعدي اليوم الساعه ٣ خلوه الساعه ٦|18:00", "ميعادي النهارده الساعة ٤ ينفع نخليه ٧؟|19:00",
      "موعدي الساعة ٤ العصر خليه ٩ الصبح|09:00", "change my appt from 4pm to 6pm|18:00"})
  void a_move_names_its_new_time(String text, String time) {
    assertThat(read(text).time()).hasToString(time);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"3ayza mi3ad motaba3a yom el arba3 el dohr|noon", "بكرة الظهر|noon"})
  void noon_said_as_a_part_is_a_part_even_beside_arabizi_digits(String text, String part) {
    Entities e = read(text);
    assertThat(e.dayPart()).isEqualTo(part);
    assertThat(e.time()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"جوالي 0534490217 والاسم ساره|ساره",
      "احجزولي عند د مها السبت الصبح، اسمي مريم الكعبي وتلفوني 0501187765|مريم الكعبي"})
  void a_name_after_and_or_before_a_phone_word(String text, String name) {
    assertThat(read(text).name()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"عاوزة احجز لابني كشف دوري يوم السبت الضهر|child_checkup",
      "بدي قدم موعد ابني تبع الفحص لبكرا|child_checkup", "abi a7jz l abooy 8alb el khamis|cardiology_consultation"})
  void a_childs_periodic_check_and_arabizi_heart(String text, String service) {
    assertThat(read(text).service()).isEqualTo(service);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"الساعة الرابعة عصرا تناسبني", "الساعة التاسعة صباحاً", "أود تعديل وقت الحجز إلى الساعة الرابعة عصراً"})
  void an_hour_in_words_is_no_service_a_typo_away_behind_the_article(String text) {
    // «الرابعه» (the fourth) and «المراجعه» (the follow-up) share only «ال»: that is no shared start for a typo
    assertThat(read(text).service()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"اسمي ريم الغامدي وهو نفس الاسم اللي بالتأمين|ريم الغامدي"})
  void a_name_ends_before_the_words_that_talk_about_it(String text, String name) {
    assertThat(read(text).name()).isEqualTo(name);
  }

  @org.junit.jupiter.api.Test
  void a_long_message_full_of_moves_is_read_in_linear_time() {
    // the chat's longest message (4,096 characters) made of move markers: reading which of its days is meant parsed
    // every suffix of it (1.3 s for the four); a day or time is looked for in a few words at a time. A bound
    // like DateTimeParserTest's, far above a normal reading (0.15 ms) and far below the quadratic one.
    List<String> texts = List.of(("من بكرة " + "الى كلمة ".repeat(500)).substring(0, 4000),
        ("من " + "كلمة ".repeat(820) + "بكرة").substring(0, 4000),
        ("الساعه ٤ " + "خلوه كلمة ".repeat(450)).substring(0, 4000),
        ("بدل بكرة " + "الى ".repeat(1100)).substring(0, 4000));
    texts.forEach(EntityReaderTest::read); // warm, twice
    texts.forEach(EntityReaderTest::read);
    long start = System.nanoTime();
    texts.forEach(EntityReaderTest::read);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(800);
  }
  @Test
  void arabizi_kashf_3am_is_a_general_consultation_not_three_in_the_morning() {
    Entities e = read("hala, ummi ta3bana shway w bdna n7jz kashf 3am ba3d bokra");
    assertThat(e.service()).isEqualTo("general_consultation");
    assertThat(e.day()).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(e.time()).as("«كشف عام»").isNull();
    assertThat(read("bokra el sa3a 3am").time()).as("3am said as a time stays one").isEqualTo(java.time.LocalTime.of(3, 0));
  }

  @Test
  void a_name_ends_at_but() {
    assertThat(read("ismi Reem bas el maw3ed la ummi").name()).isEqualToIgnoringCase("reem");
    assertThat(read("اسمي ريم بس الموعد لامي").name()).isEqualTo("ريم");
  }

  @Test
  void a_message_is_read_for_details_in_its_first_600_characters() {
    String filler = "والله يا جماعة عندي سالفة طويلة ".repeat(30); // ~960 characters before the details
    assertThat(read("ابي موعد بكرة " + filler).day()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(read(filler + "ابي موعد بكرة").day()).as("after 600 characters: not read").isNull();
  }

  // eleventh part: what the fresh writers' lines showed the entity stage missing
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"الموعد باسم ابوي عبدالله|عبدالله", "الحجز باسم مراتي منى|مني",
      "الاسم: والدتي فاطمة|فاطمه", "booked under my son Omar|omar", "my wife name Fatima Begum, number 0567788990|fatima begum",
      "son's name is Omar Ali|omar ali", "my name Rajesh Kumar|rajesh kumar", "اسمي علي|علي", "my name is sara|sara", "باسم ابوي عبدالله|عبدالله"})
  void who_the_person_is_to_the_writer_is_not_part_of_their_name(String text, String name) {
    assertThat(read(text).name()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plz delete my name from tomorrow list", "باسم امي", "اسمي ابي احجز", "my name on the list?",
      "باسم العتيبي"})
  void a_kinship_word_or_a_preposition_after_name_is_no_name(String text) {
    assertThat(read(text).name()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"what is fees for doctor checkup|general_consultation",
      "need a check-up on friday|general_consultation", "kids checkup|child_checkup", "checkup for my daughter|child_checkup",
      "can u cancel my sons checkup tmrw|child_checkup", "2deesh se3r el fa7s el dawri lal wlad?|child_checkup",
      "dental checkup tomorrow|dental_cleaning", "ecg check up|ecg", "فحص دوري لعيالي|child_checkup"})
  void a_checkup_is_the_general_one_unless_it_is_a_childs_or_names_another_service(String text, String service) {
    assertThat(read(text).service()).isEqualTo(service);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"عندكم دوام مسائي؟", "في مواعيد مسائية؟"})
  void an_evening_shift_is_the_evening(String text) {
    assertThat(read(text).dayPart()).isEqualTo("evening");
  }
}
