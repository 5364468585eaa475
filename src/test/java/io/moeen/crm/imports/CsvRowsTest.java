package io.moeen.crm.imports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTest {
  @Test
  void quoted_fields_keep_commas_quotes_and_line_breaks() {
    assertThat(CsvRows.parse("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",,x\n"))
        .containsExactly(List.of("a", "b, c", "say \"hi\""), List.of("line\nbreak", "", "x"));
  }

  @Test
  void a_byte_order_mark_and_blank_lines_are_dropped_and_the_last_line_needs_no_break() {
    assertThat(CsvRows.parse("\uFEFFfull_name,phone\n\nمحمد,0551234567"))
        .containsExactly(List.of("full_name", "phone"), List.of("محمد", "0551234567"));
  }

  @Test
  void empty_trailing_fields_count() {
    assertThat(CsvRows.parse("a,,\n")).containsExactly(List.of("a", "", ""));
  }
}
