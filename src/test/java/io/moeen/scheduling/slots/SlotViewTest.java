package io.moeen.scheduling.slots;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SlotViewTest {
  @Test
  void times_are_spelled_as_the_iso_offset_formatter_spells_them_in_every_zone() {
    Random random = new Random(7);
    for (String id : List.of("Asia/Riyadh", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "UTC", "Pacific/Chatham")) {
      ZoneId zone = ZoneId.of(id);
      for (int i = 0; i < 2_000; i++) {
        Instant instant = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000), i % 7 == 0 ? 500_000 : 0);
        assertThat(SlotView.at(instant, zone))
            .isEqualTo(instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      }
    }
  }
}
