package io.moeen.crm.leads;

import io.moeen.common.errors.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadContactTest {
  @ParameterizedTest
  @ValueSource(strings = {"0551234567", "+966 55 123 4567", "٠٥٥١٢٣٤٥٦٧", "۰۵۵۱۲۳۴۵۶۷", "00966551234567", "055-123-4567"})
  void every_way_of_writing_the_number_is_the_same_e164(String typed) {
    assertThat(LeadContact.phone(typed)).isEqualTo("+966551234567");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "abc", "+966 12", "05512345678901234567890123456789012345"})
  void a_number_that_is_not_valid_names_the_phone_field(String typed) {
    assertThatThrownBy(() -> LeadContact.phone(typed)).isInstanceOfSatisfying(Problem.class, p -> {
      assertThat(p.code()).isEqualTo("invalid_phone");
      assertThat(p.field()).isEqualTo("phone");
    });
  }

  @Test
  void emails_are_kept_in_lower_case_and_checked() {
    assertThat(LeadContact.email(" Noor@Example.COM ")).isEqualTo("noor@example.com");
    assertThatThrownBy(() -> LeadContact.email("not-an-email")).isInstanceOfSatisfying(Problem.class,
        p -> assertThat(p.field()).isEqualTo("email"));
  }

  @Test
  void a_lead_needs_a_phone_or_an_email() {
    assertThatThrownBy(() -> LeadContact.of(" ", null)).isInstanceOfSatisfying(Problem.class,
        p -> assertThat(p.code()).isEqualTo("lead_contact_required"));
    assertThat(LeadContact.of(null, "a@b.co")).isEqualTo(new LeadContact(null, "a@b.co"));
  }
}
