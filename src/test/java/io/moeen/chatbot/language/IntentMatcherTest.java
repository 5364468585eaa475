package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntentMatcherTest {

  private static Intent intentOf(String text) {
    return IntentMatcher.match(text).map(IntentMatch::intent).orElse(null);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Gulf and standard Arabic requests are understood")
  @CsvSource(delimiter = '|', value = {
      "أبغى موعد | BOOK",
      "ابي احجز | BOOK",
      "ابغا احجز موعد | BOOK",
      "ابى احجز | BOOK",
      "أريد حجز موعد عند طبيب الأسنان | BOOK",
      "احجزلي بكرة لو سمحت | BOOK",
      "ودي اشوف الدكتور | BOOK",
      "السلام عليكم ابي احجز | BOOK",
      "وش مواعيدكم | HOURS",
      "متى تفتحون؟ | HOURS",
      "أوقات الدوام | HOURS",
      "كم السعر | PRICES",
      "بكم الكشف | PRICES",
      "كم سعر الكشف؟ | PRICES",
      "ما هي الأسعار | PRICES",
      "وين موقعكم | LOCATIONS",
      "وين مكانكم؟ | LOCATIONS",
      "العنوان | LOCATIONS",
      "ابي اكلم موظف | HUMAN",
      "أبي أكلم أحد من الاستقبال | HUMAN",
      "خدمة العملاء | HUMAN",
      "الغي موعدي | CANCEL",
      "أبي ألغي الموعد | CANCEL",
      "إلغاء الحجز | CANCEL",
      "ابي اغير موعدي | RESCHEDULE",
      "أبغى أأجل موعدي | RESCHEDULE",
      "تأجيل الموعد | RESCHEDULE",
      "مواعيدي | MY_APPOINTMENTS",
      "متى موعدي؟ | MY_APPOINTMENTS",
      "وش الخدمات اللي عندكم | SERVICES",
      "وش التخصصات | SERVICES",
      "هلا | GREETING",
      "السلام عليكم | GREETING",
      "السلامُ عليكمْ ورحمةُ الله | GREETING",
      "مرحبا | GREETING",
      "نعم | YES",
      "ايوه | YES",
      "تمام | YES",
      "لا | NO",
      "لا شكراً | NO",
      "شكرا | THANKS",
      "يعطيك العافية | THANKS",
      "إلغاء | ABORT",
      "الغاء | ABORT",
      "عربي | LANGUAGE_AR",
      "بالعربي | LANGUAGE_AR",
      "انجليزي | LANGUAGE_EN",
      "English | LANGUAGE_EN",
      "من البداية | START_OVER",
      "القائمة الرئيسية | START_OVER",
      "إيقاف | STOP"
  })
  void arabic(String text, Intent expected) {
    assertThat(intentOf(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("English requests are understood")
  @CsvSource(delimiter = '|', value = {
      "book an appointment | BOOK",
      "I want to see a doctor | BOOK",
      "Can I book for tomorrow at 3pm? | BOOK",
      "I'd like to make an appointment please | BOOK",
      "what are your hours | HOURS",
      "When are you open? | HOURS",
      "cancel my appointment | CANCEL",
      "I want to cancel | CANCEL",
      "please cancel my booking | CANCEL",
      "reschedule | RESCHEDULE",
      "I need to change my appointment | RESCHEDULE",
      "my appointments | MY_APPOINTMENTS",
      "when is my appointment? | MY_APPOINTMENTS",
      "talk to a human | HUMAN",
      "agent | HUMAN",
      "can I speak to a real person | HUMAN",
      "where are you located | LOCATIONS",
      "how much is a consultation | PRICES",
      "what services do you offer | SERVICES",
      "hello | GREETING",
      "Hi there | GREETING",
      "yes | YES",
      "OK | YES",
      "no | NO",
      "nope | NO",
      "thank you | THANKS",
      "cancel | ABORT",
      "never mind | ABORT",
      "restart | START_OVER",
      "menu | START_OVER",
      "arabic | LANGUAGE_AR",
      "STOP | STOP"
  })
  void english(String text, Intent expected) {
    assertThat(intentOf(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Typos are tolerated by edit distance on words of four letters or more")
  @CsvSource(delimiter = '|', value = {
      "apointment | BOOK",
      "appointmnet | BOOK",
      "cancle my appointment | CANCEL",
      "reschedual | RESCHEDULE",
      "tlak to a humna | HUMAN",
      "locaton | LOCATIONS",
      "انجلبزي | LANGUAGE_EN",
      "الاسعاار | PRICES",
      "موظق | HUMAN",
      "اوقات الدوم | HOURS"
  })
  void typos(String text, Intent expected) {
    assertThat(intentOf(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Arabizi (Arabic in Latin letters with digits) is understood for the common requests")
  @CsvSource(delimiter = '|', value = {
      "abi a7jz | BOOK",
      "abgha maw3ed | BOOK",
      "wesh mawa3edkom | HOURS",
      "kam el s3r | PRICES",
      "abi akalm mowazaf | HUMAN",
      "elgi maw3edi | CANCEL",
      "shukran | THANKS",
      "3arabi | LANGUAGE_AR"
  })
  void arabizi(String text, Intent expected) {
    assertThat(intentOf(text)).as(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Short mid-conversation replies in every dialect are listed phrases (score 1: they win outright)")
  @CsvSource(delimiter = '|', value = {
      "حاضر | YES", "طبعا | YES", "ايوه اكيد | YES", "ثبتوه | YES", "absolutely | YES", "mashi | YES",
      "لا مو هذا | NO", "مش عايز | NO", "ما يناسبني | NO", "mish 3ayez | NO", "no way | NO",
      "رمضان كريم | GREETING", "عيد مبارك | GREETING", "كل عام وانتم بخير | GREETING", "eid mubarak | GREETING",
      "يزاك الله خير | THANKS", "عساك على القوة | THANKS", "متشكرة | THANKS", "ما قصرتوا | THANKS", "tysm | THANKS",
      "المنيو الرئيسي | START_OVER", "رجعني للقائمة | START_OVER", "back to the menu | START_OVER",
      "بلاش | ABORT", "bala4 | ABORT", "nvm | ABORT", "i changed my mind | ABORT"
  })
  void short_replies(String text, Intent expected) {
    assertThat(IntentMatcher.match(text)).as(text).hasValueSatisfying(m -> {
      assertThat(m.intent()).isEqualTo(expected);
      assertThat(m.score()).isGreaterThan(0.999);
    });
  }

  @ParameterizedTest(name = "{0} is not {1}")
  @DisplayName("An ordinal or a refusal with an ask is not a reply phrase whose other words are stopwords")
  @CsvSource(delimiter = '|', value = {
      "الاول | START_OVER", "el awal | START_OVER", "I don't want to cancel, I want to reschedule | NO"
  })
  void not_reply_phrases(String text, Intent not) {
    assertThat(IntentMatcher.match(text).map(IntentMatch::intent)).as(text).isNotEqualTo(Optional.of(not));
  }

  @ParameterizedTest(name = "{0} is not {1}")
  @DisplayName("Correctly spelled words are not read as typos of other words")
  @CsvSource(delimiter = '|', value = {
      "look at my teeth | BOOK",
      "can you look into it | BOOK",
      "is there parking | LOCATIONS",
      "ابغى اعرف الاسعار | ABORT",
      "ابغى اعرف الاسعار | NO",
      "دكتور اسنان | HUMAN"
  })
  void real_words_are_not_typos(String text, Intent not) {
    assertThat(IntentMatcher.rank(text)).extracting(IntentMatch::intent).as(text).doesNotContain(not);
  }

  @ParameterizedTest
  @DisplayName("Short words must be spelled right: no typo tolerance below four letters")
  @ValueSource(strings = {"bok", "ys", "na", "لاا"})
  void short_words_are_not_guessed(String text) {
    assertThat(IntentMatcher.match(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @DisplayName("Nonsense, empty and letterless messages have no intent")
  @ValueSource(strings = {"", "   ", "\u200f", "12345", "😀😀", "؟؟؟", "asdkjh qwe", "كذا وكذا", "the weather is nice"})
  void nothing_understood(String text) {
    assertThat(IntentMatcher.match(text)).as(text).isEmpty();
  }

  @Test
  void null_is_nothing() {
    assertThat(IntentMatcher.match(null)).isEmpty();
  }

  @Test
  void the_whole_phrase_scores_one_and_names_the_synonym() {
    IntentMatch match = IntentMatcher.match("ابي اكلم موظف").orElseThrow();
    assertThat(match.score()).isEqualTo(1.0);
    assertThat(match.matched()).isEqualTo("ابي اكلم موظف");
  }

  @Test
  void a_typo_scores_lower_than_the_right_spelling() {
    double right = IntentMatcher.match("appointment").orElseThrow().score();
    double typo = IntentMatcher.match("apointment").orElseThrow().score();
    assertThat(typo).isLessThan(right).isGreaterThan(IntentMatcher.MIN_SCORE);
  }

  @Test
  void negated_requests_do_not_book_or_cancel() {
    assertThat(intentOf("ما ابي احجز")).isNotEqualTo(Intent.BOOK);
    assertThat(intentOf("I don't want to cancel, I want to reschedule")).isEqualTo(Intent.RESCHEDULE);
    assertThat(intentOf("لا، ابي احجز")).isEqualTo(Intent.BOOK);
    assertThat(intentOf("لا ابي احجز")).isEqualTo(Intent.BOOK);
  }

  @Test
  void global_intents_are_marked_global() {
    assertThat(Intent.HUMAN.isGlobal()).isTrue();
    assertThat(Intent.ABORT.isGlobal()).isTrue();
    assertThat(Intent.LANGUAGE_EN.isGlobal()).isTrue();
    assertThat(Intent.START_OVER.isGlobal()).isTrue();
    assertThat(Intent.BOOK.isGlobal()).isFalse();
  }

  @Test
  void rank_lists_every_plausible_intent_best_first() {
    var ranked = IntentMatcher.rank("cancel my appointment");
    assertThat(ranked).extracting(IntentMatch::intent).startsWith(Intent.CANCEL).contains(Intent.BOOK, Intent.ABORT);
    for (int i = 1; i < ranked.size(); i++) {
      assertThat(ranked.get(i).score()).isLessThanOrEqualTo(ranked.get(i - 1).score());
    }
  }

  @Test
  void a_long_message_is_matched_fast() {
    String sentence = "السلام عليكم ابي احجز موعد بكرة الساعة ٥ مساءً عند الدكتور لو سمحت ";
    String text = sentence.repeat(4096 / sentence.length() + 1).substring(0, 4096);
    long start = System.nanoTime();
    Optional<IntentMatch> match = IntentMatcher.match(text);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(match).map(IntentMatch::intent).contains(Intent.BOOK);
    assertThat(millis).isLessThan(500);
  }

  @Test
  void random_long_text_is_matched_fast() {
    java.util.Random random = new java.util.Random(7);
    StringBuilder text = new StringBuilder();
    while (text.length() < 4096) {
      int length = 1 + random.nextInt(9);
      for (int i = 0; i < length; i++) {
        text.append((char) (random.nextBoolean() ? 'ا' + random.nextInt(26) : 'a' + random.nextInt(26)));
      }
      text.append(' ');
    }
    long start = System.nanoTime();
    IntentMatcher.match(text.substring(0, 4096));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }
}
