package io.moeen.dental.chart;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.dental.DentalAccess;
import io.moeen.dental.DentalStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** The chart at a date as an SVG picture in the reader's language ({@code lang}, else Accept-Language). */
public final class ChartPictures {
  private final DentalStore store;
  private final ChartSvg svg;
  private final ZoneId zone;
  private final Clock clock;
  private final SupportedLocale fallback;

  public ChartPictures(DentalStore store, ChartSvg svg, ZoneId zone, Clock clock, SupportedLocale fallback) {
    this.store = store;
    this.svg = svg;
    this.zone = zone;
    this.clock = clock;
    this.fallback = fallback;
  }

  /** The day in both calendars: {@code 2026-12-06 (25 جمادى الآخرة 1448 هـ)}, the Hijri one (Umm al-Qura) without its weekday. */
  public static String dateText(LocalDate day, SupportedLocale locale) {
    String hijri = DateTimeText.formatDate(day, locale, CalendarSystem.HIJRI, DigitStyle.LATIN);
    int comma = hijri.indexOf(locale.isRightToLeft() ? "، " : ", ");
    return day + " (" + (comma < 0 ? hijri : hijri.substring(comma + 2)) + ")";
  }

  public Future<Reply> picture(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = UUID.fromString(request.param("id"));
    OffsetDateTime at = ChartTimes.at(request.param("at"), "at", zone, clock);
    String lang = request.param("lang");
    SupportedLocale locale = SupportedLocale.fromTag(lang != null ? lang : request.locale() == null ? "" : request.locale())
        .orElse(fallback);
    return store.as(DentalStore.actor(request, principal), conn -> DentalAccess.reader(conn, principal, patientId)
        .compose(reader -> DentalCharts.chartAt(conn, patientId, at))
        .compose(chart -> DentalStore.first(conn, "patient_label", patientId).map(label -> {
          String name = label.map(r -> {
            String ar = r.getString("name_ar");
            String en = r.getString("name_en");
            String chosen = locale.isRightToLeft() ? (ar != null ? ar : en) : (en != null ? en : ar);
            return chosen + " (" + r.getString("mrn") + ")";
          }).orElse("");
          return svg.render(chart, locale, name, dateText(at.atZoneSameInstant(zone).toLocalDate(), locale));
        }))
        .compose(picture -> DentalCharts.audit(conn, patientId, request, new JsonObject().put("at", at.toString()).put("as", "svg"))
            .map(new Reply(picture, Map.of("Content-Type", "image/svg+xml; charset=utf-8")))));
  }
}
