package io.moeen.chatbot.actions;

import io.moeen.chatbot.engine.ChatActions.ActionFailure;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.common.errors.Problem;
import io.moeen.patients.PatientContactsVerticle;
import io.moeen.patients.PatientsAddresses;
import io.moeen.scheduling.SchedulingAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Map;

/**
 * The actions that read the catalogue and free slots and book, over the scheduling addresses.
 * Slots are offered as options whose value is everything booking needs.
 */
final class SchedulingActions {
  static final int MAX_OPTIONS = 10;

  private final BusCalls bus;
  private final ChatTexts texts;
  private final CatalogueReads catalogue;

  SchedulingActions(BusCalls bus, ChatTexts texts, CatalogueReads catalogue) {
    this.bus = bus;
    this.texts = texts;
    this.catalogue = catalogue;
  }

  /**
   * The services as options to book and as a price list. The options are the services some active doctor gives
   * (a service nobody gives cannot be booked from the chat, so it is not offered — all of them when none is,
   * so the question always has answers); the price list ({@code servicesText}) names every service.
   */
  Future<JsonObject> listServices(String locale, String requestId) {
    Future<Object> services = catalogue.read(SchedulingAddresses.SERVICES_LIST, "listServices", new JsonObject(), locale,
        requestId, bus);
    Future<java.util.Set<String>> given = catalogue.read(SchedulingAddresses.DOCTORS_LIST, "listDoctors", new JsonObject(),
        locale, requestId, bus).map(SchedulingActions::servicesGiven);
    return Future.all(services, given).map(all -> {
      JsonArray items = ((JsonObject) services.result()).getJsonArray("items", new JsonArray());
      boolean anyGiven = items.stream().anyMatch(o -> given.result().contains(((JsonObject) o).getString("id")));
      JsonArray options = new JsonArray();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < items.size(); i++) {
        JsonObject s = items.getJsonObject(i);
        String price = texts.say(locale, "chatbot.service_price", Map.of("price", String.valueOf(s.getValue("price")),
            "currency", s.getString("currency", "SAR"), "minutes", String.valueOf(s.getInteger("durationMinutes", 0))));
        if (options.size() < MAX_OPTIONS && (!anyGiven || given.result().contains(s.getString("id")))) {
          options.add(new JsonObject().put("id", "service" + (i + 1)).put("title", s.getString("name"))
              .put("description", price).put("value", s.getString("id")).put("code", s.getString("code")));
        }
        text.append(text.isEmpty() ? "" : "\n").append("• ").append(s.getString("name")).append(" — ").append(price);
      }
      return new JsonObject().put("services", options).put("servicesText", text.toString());
    });
  }

  /** The ids of the services the listed (active) doctors give. */
  static java.util.Set<String> servicesGiven(Object doctorsAnswer) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Object o : ((JsonObject) doctorsAnswer).getJsonArray("items", new JsonArray())) {
      ((JsonObject) o).getJsonArray("serviceIds", new JsonArray()).forEach(id -> ids.add(String.valueOf(id)));
    }
    return ids;
  }

  Future<JsonObject> listDoctors(JsonObject scope, String locale, String requestId) {
    JsonObject params = new JsonObject().put("serviceId", scope.getString("service"));
    return catalogue.read(SchedulingAddresses.DOCTORS_LIST, "listDoctors", params, locale, requestId, bus).map(body -> {
      JsonArray doctors = ((JsonObject) body).getJsonArray("items", new JsonArray());
      JsonArray options = new JsonArray();
      if (doctors.size() > 1) {
        // "any doctor" only where more than one doctor gives the service (its times: the earliest of them all)
        options.add(new JsonObject().put("id", "any")
            .put("title", texts.say(locale, "chatbot.any_doctor", Map.of())).put("value", "any"));
      }
      for (Object o : doctors) {
        JsonObject d = (JsonObject) o;
        if (options.size() < MAX_OPTIONS) {
          JsonObject option = new JsonObject().put("id", "doctor" + (options.size() + (doctors.size() > 1 ? 0 : 1)))
              .put("title", d.getString("name"))
              .put("description", d.getString("specialty")).put("value", d.getString("id"));
          if (doctors.size() == 1) {
            // the only doctor is not a question: the engine takes them and says who ("sole")
            option.put("sole", texts.say(locale, "chatbot.only_doctor", Map.of("doctor", d.getString("name"))));
            // the only doctor also answers "any doctor" (typed, or an "any" button from an older message)
            option.put("aliases", new JsonArray().add("any").add(texts.say("ar", "chatbot.any_doctor", Map.of()))
                .add(texts.say("en", "chatbot.any_doctor", Map.of())).add("اي دكتور").add("any doctor"));
          }
          options.add(option);
        }
      }
      // none: a service no doctor gives (yet) is not a question without answers (the flow says so)
      return new JsonObject().put("doctors", options).put("doctorCount", doctors.size());
    });
  }

  /**
   * Free times on one day, for a service and optionally one doctor ("any" means whoever is free:
   * the earliest times across the doctors who give it, one doctor per time), only those in the part
   * of the day asked for (morning, noon, afternoon, evening) when that part has any. Each option's
   * value carries what the confirmation shows beside the time: the Hijri date, the branch and its
   * address, the price.
   */
  Future<JsonObject> findSlots(String serviceId, String doctorId, String date, String dayPart, String locale,
                               String requestId) {
    JsonObject params = new JsonObject().put("serviceId", serviceId).put("from", date)
        .put("to", LocalDate.parse(date).plusDays(1).toString());
    boolean anyDoctor = doctorId == null || "any".equals(doctorId);
    if (!anyDoctor) {
      params.put("doctorId", doctorId);
    }
    Future<JsonArray> items = bus.operation(SchedulingAddresses.SLOTS_LIST, "listSlots", params, null, false, locale, requestId)
        .map(body -> ((JsonObject) body).getJsonArray("items", new JsonArray()));
    Future<JsonArray> locations = catalogue.read(SchedulingAddresses.LOCATIONS_LIST, "listLocations", new JsonObject(),
            locale, requestId, bus)
        .map(body -> ((JsonObject) body).getJsonArray("items", new JsonArray())).otherwise(new JsonArray());
    Future<JsonArray> services = catalogue.read(SchedulingAddresses.SERVICES_LIST, "listServices", new JsonObject(),
            locale, requestId, bus)
        .map(body -> ((JsonObject) body).getJsonArray("items", new JsonArray())).otherwise(new JsonArray());
    return Future.all(items, locations, services)
        .map(all -> {
          JsonArray chosen = inPartOfDay(anyDoctor ? earliestPerTime(items.result()) : items.result(), dayPart);
          JsonObject answer = slots(chosen, anyDoctor);
          details(answer.getJsonArray("slots"), chosen, locations.result(), services.result(), LocalDate.parse(date), locale);
          return answer;
        })
        .recover(failure -> Future.failedFuture(new ActionFailure(code(failure), empty())));
  }

  /** "Any doctor": one option per time, the first doctor free then, in time order. */
  static JsonArray earliestPerTime(JsonArray items) {
    java.util.List<JsonObject> sorted = new java.util.ArrayList<>();
    items.forEach(o -> sorted.add((JsonObject) o));
    sorted.sort(java.util.Comparator.comparing(s -> s.getString("startsAtLocal", s.getString("startsAt", ""))));
    JsonArray out = new JsonArray();
    java.util.Set<String> times = new java.util.HashSet<>();
    for (JsonObject slot : sorted) {
      if (times.add(slot.getString("startsAtLocal", slot.getString("startsAt", "")))) {
        out.add(slot);
      }
    }
    return out;
  }

  /** The slots whose local start falls in the part of the day; all of them when none does (or no part was said). */
  static JsonArray inPartOfDay(JsonArray items, String dayPart) {
    if (dayPart == null) {
      return items;
    }
    JsonArray out = new JsonArray();
    for (Object o : items) {
      String local = ((JsonObject) o).getString("startsAtLocal", "");
      if (local.length() >= 13) {
        int hour = Integer.parseInt(local.substring(11, 13));
        boolean in = switch (dayPart) {
          case "morning" -> hour < 12;
          case "noon" -> hour >= 11 && hour < 15;
          case "afternoon" -> hour >= 13 && hour < 18; // «العصر», «بعد الظهر»: not the noon hour (12:00 is «الظهر»)
          case "evening" -> hour >= 16;
          default -> true;
        };
        if (in) {
          out.add(o);
        }
      }
    }
    return out.isEmpty() ? items : out;
  }

  private void details(JsonArray options, JsonArray chosen, JsonArray locations, JsonArray services, LocalDate date,
                       String locale) {
    // each one a piece of the confirmation with its own punctuation, so a slot without it reads as before
    String hijri = " (" + texts.hijriDate(date, locale) + ")";
    for (int i = 0; i < options.size(); i++) {
      JsonObject value = options.getJsonObject(i).getJsonObject("value");
      JsonObject slot = chosen.getJsonObject(i);
      value.put("hijri", hijri);
      for (Object o : locations) {
        JsonObject l = (JsonObject) o;
        if (l.getString("id", "").equals(slot.getString("locationId"))) {
          String address = l.getString("address");
          value.put("branch", "\n📍 " + (address == null || address.isBlank() ? l.getString("name")
              : l.getString("name") + " — " + address));
        }
      }
      for (Object o : services) {
        JsonObject s = (JsonObject) o;
        if (s.getString("id", "").equals(slot.getString("serviceId")) && s.getValue("price") != null) {
          value.put("price", "\n" + texts.say(locale, "chatbot.price_line",
              Map.of("price", String.valueOf(s.getValue("price")), "currency", s.getString("currency", "SAR"))));
        }
      }
    }
  }

  JsonObject slots(JsonArray items, boolean withDoctor) {
    JsonArray options = new JsonArray();
    for (int i = 0; i < items.size() && options.size() < MAX_OPTIONS; i++) {
      JsonObject slot = items.getJsonObject(i);
      String local = slot.getString("startsAtLocal", "");
      String time = local.length() >= 16 ? local.substring(11, 16) : slot.getString("startsAt");
      options.add(new JsonObject().put("id", "slot" + (i + 1)).put("title", time)
          .put("description", withDoctor ? slot.getString("doctorName") : null)
          .put("value", new JsonObject().put("startsAt", slot.getString("startsAt"))
              .put("doctorId", slot.getString("doctorId")).put("locationId", slot.getString("locationId"))
              .put("serviceId", slot.getString("serviceId"))));
    }
    return new JsonObject().put("slots", options).put("slotCount", options.size());
  }

  /**
   * Books for the conversation's patient; a contact who is not a patient yet gets a record
   * through {@code patients.contacts.ensure} (the phone number is the link). A slot taken
   * meanwhile fails with the doctor's next free times as the new {@code slots}.
   */
  Future<JsonObject> book(Conversation c, JsonObject scope, String requestId) {
    JsonObject slot = scope.getJsonObject("slot");
    String source = c.phoneVerified() ? "whatsapp" : "chatbot";
    Future<String> patient = c.patientId != null ? Future.succeededFuture(c.patientId.toString())
        : bus.internal(PatientsAddresses.CONTACTS_ENSURE, new JsonObject().put("phone", scope.getString("phone"))
            .put("name", scope.getString("name")).put("locale", c.locale).put("source", source)
            .put("principal", BusCalls.PRINCIPAL.copy()).put("requestId", requestId))
            .map(answer -> answer.getString("patientId"));
    return patient.compose(patientId -> {
      JsonObject body = new JsonObject().put("patientId", patientId).put("serviceId", scope.getString("service"))
          .put("doctorId", slot.getString("doctorId")).put("locationId", slot.getString("locationId"))
          .put("startsAt", slot.getString("startsAt")).put("source", source);
      JsonObject params = new JsonObject().put("Idempotency-Key", "chat:" + c.id + ":" + c.turn);
      return bus.operation(SchedulingAddresses.APPOINTMENTS_CREATE, "createAppointment", params, body, true, c.locale, requestId)
          .map(booked -> {
            JsonObject appointment = (JsonObject) booked;
            JsonArray bookedIds = scope.getValue("bookedIds") instanceof JsonArray a ? a.copy() : new JsonArray();
            c.patientId = java.util.UUID.fromString(patientId);
            return new JsonObject().put("appointmentId", appointment.getString("id"))
                .put("appointmentTime", texts.time(appointment.getString("startsAt"), c.locale))
                .put("patientId", patientId).put("bookedIds", bookedIds.add(appointment.getString("id")));
          });
    }).recover(failure -> {
      if (failure instanceof Problem p && "slot_taken".equals(p.code())) {
        JsonArray alternatives = p.extensions().getJsonArray("alternatives", new JsonArray());
        return Future.failedFuture(new ActionFailure("slot_taken", slots(alternatives, false)));
      }
      return Future.failedFuture(new ActionFailure(code(failure), empty()));
    });
  }

  static JsonObject empty() {
    return new JsonObject().put("slots", new JsonArray()).put("slotCount", 0);
  }

  static String code(Throwable failure) {
    return failure instanceof Problem p ? p.code() : "internal";
  }
}
