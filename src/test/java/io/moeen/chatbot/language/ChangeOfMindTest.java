package io.moeen.chatbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeOfMindTest {
  @ParameterizedTest(name = "«{0}»")
  @ValueSource(strings = {"ابي اغير الخدمة", "ممكن أغيّر الخدمه؟", "ابغى خدمة ثانية", "عايز خدمه تانيه", "بدي خدمة غيرها",
      "can I change the service?", "I want a different service", "switch service please", "another service"})
  void another_service(String text) {
    assertThat(ChangeOfMind.of(text)).contains(ChangeOfMind.What.SERVICE);
  }

  @ParameterizedTest(name = "«{0}»")
  @ValueSource(strings = {"ابي دكتور ثاني", "ممكن اغير الدكتور", "أبغى طبيب آخر", "عايز دكتورة تانية", "بدي غير الطبيب",
      "can I change the doctor?", "a different doctor please", "another dr", "I'd like another doctor"})
  void another_doctor(String text) {
    assertThat(ChangeOfMind.of(text)).contains(ChangeOfMind.What.DOCTOR);
  }

  @ParameterizedTest(name = "«{0}»")
  @ValueSource(strings = {"ابي اغير موعدي", "change my appointment", "الخدمة ممتازة", "الدكتور خالد", "with dr huda",
      "ابي موعد ثاني", "another appointment", "الدكتور زين", "service was great", "doctor who?"})
  void neither(String text) {
    assertThat(ChangeOfMind.of(text)).isEmpty();
  }
}
