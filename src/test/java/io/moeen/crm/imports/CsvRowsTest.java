package io.moeen.crm.imports;

import io.moeen.common.errors.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvRowsTest {
  @Test
  void quoted_fields_keep_commas_quotes_and_line_breaks() {
    assertThat(CsvRows.parse("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",,x\n"))
        .containsExactly(List.of("a", "b, c", "say \"hi\""), List.of("line\nbreak", "", "x"));
  }

  @Test
  void a_quoted_field_keeps_a_crlf_line_break_and_a_quote_next_to_it() {
    assertThat(CsvRows.parse("full_name,notes\r\nمحمد,\"قال \"\"اتصلوا\r\nبعد العصر\"\"\"\r\n"))
        .containsExactly(List.of("full_name", "notes"), List.of("محمد", "قال \"اتصلوا\r\nبعد العصر\""));
  }

  @Test
  void a_byte_order_mark_and_blank_lines_are_dropped_and_the_last_line_needs_no_break() {
    assertThat(CsvRows.parse("\uFEFFfull_name,phone\n\nمحمد,0551234567"))
        .containsExactly(List.of("full_name", "phone"), List.of("محمد", "0551234567"));
  }

  @Test
  void crlf_lf_and_cr_line_ends_read_alike_even_mixed_in_one_file() {
    List<List<String>> expected = List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    assertThat(CsvRows.parse("a,b\r\n1,2\r\n3,4\r\n")).isEqualTo(expected);
    assertThat(CsvRows.parse("a,b\n1,2\n3,4\n")).isEqualTo(expected);
    assertThat(CsvRows.parse("a,b\r1,2\r3,4")).isEqualTo(expected);
    assertThat(CsvRows.parse("a,b\r\n1,2\n3,4\r")).isEqualTo(expected);
  }

  @Test
  void empty_trailing_fields_count() {
    assertThat(CsvRows.parse("a,,\n")).containsExactly(List.of("a", "", ""));
  }

  @Test
  void a_ragged_row_keeps_its_own_length_for_the_import_to_report() {
    assertThat(CsvRows.parse("a,b,c\n1,2\n1,2,3,4\n"))
        .containsExactly(List.of("a", "b", "c"), List.of("1", "2"), List.of("1", "2", "3", "4"));
  }

  @Test
  void a_quote_inside_an_unquoted_field_is_just_a_character() {
    assertThat(CsvRows.parse("5\" screen,x\n")).containsExactly(List.of("5\" screen", "x"));
  }

  @Nested
  class A_file_that_is_not_csv_is_refused_whole {
    @Test
    void when_a_quoted_value_is_never_closed() {
      Problem problem = catchThrowableOfType(Problem.class,
          () -> CsvRows.parse("full_name,notes\nمحمد,ok\nسارة,\"no end\nفاطمة,x\n"));

      assertThat(problem.code()).isEqualTo("import_malformed");
      assertThat(problem.args().getInteger("row")).isEqualTo(2);
    }

    @Test
    void when_text_follows_a_closing_quote() {
      Problem problem = catchThrowableOfType(Problem.class, () -> CsvRows.parse("a,b\n\"x\"y,z\n"));

      assertThat(problem.code()).isEqualTo("import_malformed");
      assertThat(problem.args().getInteger("row")).isEqualTo(1);
    }
  }
}
