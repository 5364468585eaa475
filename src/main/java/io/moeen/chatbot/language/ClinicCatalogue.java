package io.moeen.chatbot.language;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the entity reader knows about the clinic: its services (id, code, names), doctors (id,
 * names) and branches (id, names), in both languages. Built from the scheduling catalogue at start
 * ({@link #fromCatalogue}); empty means only the generic readers work (days, times, phones, names,
 * the service words of {@code entities.json}).
 */
public record ClinicCatalogue(List<Item> services, List<Item> doctors, List<Item> branches) {

  /** One service, doctor or branch: its id (what the flow stores), its code (services) and the names people read. */
  public record Item(String id, String code, List<String> names) {
    /** Its name in that language — the first in Arabic script for Arabic, the first in another for English — else its first. */
    public String name(String locale) {
      boolean arabic = !"en".equals(locale);
      return names.stream().filter(n -> n.matches(".*\\p{IsArabic}.*") == arabic).findFirst()
          .orElse(names.isEmpty() ? id : names.get(0));
    }
  }

  /** The service with this id, if the clinic has it. */
  public java.util.Optional<Item> service(String id) {
    return services.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** The doctor with this id, if the clinic has one. */
  public java.util.Optional<Item> doctor(String id) {
    return doctors.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public static ClinicCatalogue empty() {
    return new ClinicCatalogue(List.of(), List.of(), List.of());
  }

  /** The clinic the corpus speaks about (the demo catalogue). */
  public static ClinicCatalogue corpusClinic() {
    try (InputStream in = ClinicCatalogue.class.getClassLoader().getResourceAsStream("io/moeen/chatbot/corpus/clinic.json")) {
      JsonObject json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new ClinicCatalogue(items(json.getJsonArray("services")), items(json.getJsonArray("doctors")),
          items(json.getJsonArray("branches")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Item> items(JsonArray array) {
    List<Item> items = new ArrayList<>();
    for (Object o : array) {
      JsonObject j = (JsonObject) o;
      items.add(new Item(j.getString("id"), j.getString("code"), j.getJsonArray("names").stream().map(String::valueOf).toList()));
    }
    return items;
  }

  /**
   * From the scheduling API's lists, each asked in Arabic and in English: services
   * {@code {id, code, name}}, doctors {@code {id, name}}, locations {@code {id, name}}.
   */
  public static ClinicCatalogue fromCatalogue(JsonArray servicesAr, JsonArray servicesEn, JsonArray doctorsAr,
                                              JsonArray doctorsEn, JsonArray branchesAr, JsonArray branchesEn) {
    return new ClinicCatalogue(merge(servicesAr, servicesEn), merge(doctorsAr, doctorsEn), merge(branchesAr, branchesEn));
  }

  /**
   * From the scheduling API's lists asked once (any language): each item's {@code name},
   * {@code nameAr} and {@code nameEn} are its names.
   */
  public static ClinicCatalogue fromCatalogue(JsonArray services, JsonArray doctors, JsonArray branches) {
    return new ClinicCatalogue(merge(services, null), merge(doctors, null), merge(branches, null));
  }

  private static List<Item> merge(JsonArray ar, JsonArray en) {
    List<Item> items = new ArrayList<>();
    for (Object o : ar == null ? new JsonArray() : ar) {
      JsonObject a = (JsonObject) o;
      Set<String> names = new LinkedHashSet<>();
      names.add(a.getString("name", ""));
      names.add(a.getString("nameAr", ""));
      names.add(a.getString("nameEn", ""));
      for (Object p : en == null ? new JsonArray() : en) {
        if (p instanceof JsonObject e && a.getString("id").equals(e.getString("id"))) {
          names.add(e.getString("name", ""));
        }
      }
      names.remove("");
      names.remove(null);
      items.add(new Item(a.getString("id"), a.getString("code"), List.copyOf(names)));
    }
    return items;
  }
}
