package io.moeen.crm.leads;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's text on its own: what a CSV reader (and so Excel) gets back from tricky cells. */
class LeadCsvTest {
  static List<String> lead(String fullName, String phone, String interestedIn) {
    List<String> cells = new ArrayList<>(List.of("00000000-0000-4000-a000-000000000001", fullName, phone, "", "ar",
        "campaign", "new", "", "", "0", "", "", "", "vip;ramadan", interestedIn, "", "", "2026-03-01 10:00"));
    assertThat(cells).hasSameSizeAs(LeadCsv.HEADER);
    return cells;
  }

  static List<List<String>> readBack(String csv) throws IOException {
    assertThat(csv).startsWith(LeadCsv.BOM);
    try (CSVParser parser = CSVParser.parse(csv.substring(1), CSVFormat.RFC4180)) {
      return parser.getRecords().stream().map(CSVRecord::toList).toList();
    }
  }

  @Test
  void commas_quotes_and_line_breaks_in_arabic_cells_come_back_intact() throws IOException {
    List<String> tricky = lead("الدوسري، عبدالرحمن, Jr.", "+966553000001", "تقويم \"سريع\"\r\nثم تبييض");

    String csv = LeadCsv.print(List.of(tricky));

    assertThat(csv).startsWith(LeadCsv.BOM + String.join(",", LeadCsv.HEADER) + "\r\n");
    assertThat(readBack(csv)).containsExactly(LeadCsv.HEADER, tricky.stream().map(LeadCsv::defused).toList());
    assertThat(csv).contains("\"تقويم \"\"سريع\"\"\r\nثم تبييض\"");
  }

  @Test
  void cells_a_spreadsheet_would_run_read_back_as_text() throws IOException {
    List<String> formulas = lead("=HYPERLINK(\"http://evil\")", "+966553000002", "@SUM(A1)");
    formulas.set(11, "-1+2");
    formulas.set(12, "\tcmd");
    formulas.set(16, "\rx");

    List<String> back = readBack(LeadCsv.print(List.of(formulas))).get(1);

    assertThat(back.get(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
    assertThat(back.get(2)).isEqualTo("'+966553000002");
    assertThat(back.get(11)).isEqualTo("'-1+2");
    assertThat(back.get(12)).isEqualTo("'\tcmd");
    assertThat(back.get(14)).isEqualTo("'@SUM(A1)");
    assertThat(back.get(16)).isEqualTo("'\rx");
    assertThat(back.get(0)).isEqualTo(formulas.get(0));
  }

  @Test
  void no_leads_is_just_the_bom_and_the_header() {
    assertThat(LeadCsv.print(List.of())).isEqualTo(LeadCsv.BOM + String.join(",", LeadCsv.HEADER) + "\r\n");
  }
}
