package io.moeen.chatbot.actions;

import io.moeen.chatbot.engine.ChatActions;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/** Every action of the flow catalogue ({@code FlowAction}), carried out over the event bus. */
public final class ReceptionActions implements ChatActions {
  private final SchedulingActions scheduling;
  private final AppointmentActions appointments;
  private final ContactActions contacts;
  private final ClinicFacts facts;
  private final ClinicCatalogueSource catalogue;

  public ReceptionActions(Vertx vertx, Pool pool, SqlStatements sql, ChatTexts texts, ZoneId zone, Clock clock) {
    BusCalls bus = new BusCalls(vertx);
    CatalogueReads reads = new CatalogueReads(vertx);
    this.scheduling = new SchedulingActions(bus, texts, reads);
    this.appointments = new AppointmentActions(bus, texts, scheduling, clock);
    this.contacts = new ContactActions(pool, sql, bus, texts);
    this.facts = new ClinicFacts(pool, sql, zone, clock);
    this.catalogue = new ClinicCatalogueSource(bus, reads);
  }

  @Override
  public Future<ClinicCatalogue> catalogue(String requestId) {
    return catalogue.catalogue(requestId);
  }

  @Override
  public Future<JsonObject> run(String action, Conversation c, JsonObject scope, String requestId) {
    return switch (action) {
      case "list_services" -> scheduling.listServices(c.locale, requestId);
      case "list_doctors" -> scheduling.listDoctors(scope, c.locale, requestId);
      case "find_slots" -> scheduling.findSlots(scope.getString("service"), scope.getString("doctor"),
          scope.getString("date"), scope.getString("dayPart"), c.locale, requestId);
      case "find_slots_for_appointment" -> appointments.findSlots(c, scope, requestId);
      case "identify_contact" -> contacts.identify(c, scope, requestId);
      case "book_appointment" -> scheduling.book(c, scope, requestId);
      case "list_my_appointments" -> appointments.listMine(c, scope, requestId);
      case "cancel_appointment" -> appointments.cancel(c, scope, requestId);
      case "reschedule_appointment" -> appointments.reschedule(c, scope, requestId);
      case "capture_lead" -> contacts.captureLead(c, scope, requestId);
      case "clinic_hours" -> facts.hours(c.locale);
      case "clinic_locations" -> facts.locations(c.locale);
      default -> Future.failedFuture(new ActionFailure("unknown_action", null));
    };
  }
}
