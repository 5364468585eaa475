package io.moeen.chatbot.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The actions a flow may call, each with the variables it needs and those it sets. The validator
 * checks flows against this table; {@code chatbot.actions.ChatActions} carries them out.
 */
public record FlowAction(String name, List<String> inputs, List<String> optionalInputs, Set<String> sets,
                         Set<String> setsOnError) {

  private static final Map<String, FlowAction> CATALOGUE = Map.ofEntries(
      entry("list_services", List.of(), List.of(), Set.of("services", "servicesText"), Set.of()),
      entry("list_doctors", List.of("service"), List.of(), Set.of("doctors", "doctorCount"), Set.of()),
      entry("find_slots", List.of("service", "date"), List.of("doctor"), Set.of("slots", "slotCount"), Set.of()),
      entry("find_slots_for_appointment", List.of("appointment", "date"), List.of(), Set.of("slots", "slotCount"),
          Set.of()),
      entry("identify_contact", List.of("phone"), List.of(), Set.of(), Set.of()),
      entry("book_appointment", List.of("service", "slot", "phone"), List.of("name"),
          Set.of("appointmentId", "appointmentTime", "patientId"), Set.of("slots", "slotCount")),
      entry("list_my_appointments", List.of(), List.of(),
          Set.of("appointments", "appointmentCount", "appointmentsText"), Set.of()),
      entry("cancel_appointment", List.of("appointment"), List.of(), Set.of("appointmentTime"), Set.of()),
      entry("reschedule_appointment", List.of("appointment", "slot"), List.of(), Set.of("appointmentTime"), Set.of()),
      entry("capture_lead", List.of("phone"), List.of("name", "service", "marketingConsent"), Set.of("leadId"),
          Set.of()),
      entry("clinic_hours", List.of(), List.of(), Set.of("hoursText"), Set.of()),
      entry("clinic_locations", List.of(), List.of(), Set.of("locationsText"), Set.of()));

  private static Map.Entry<String, FlowAction> entry(String name, List<String> inputs, List<String> optional,
                                                     Set<String> sets, Set<String> onError) {
    return Map.entry(name, new FlowAction(name, inputs, optional, sets, onError));
  }

  public static Optional<FlowAction> named(String name) {
    return Optional.ofNullable(name == null ? null : CATALOGUE.get(name));
  }

  public static Set<String> names() {
    return CATALOGUE.keySet();
  }
}
