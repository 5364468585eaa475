package io.moeen.chatbot.language;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a message says besides what it asks for; every field may be null. {@code service},
 * {@code doctor} and {@code branch} are catalogue ids; {@code dayPart} is morning, noon, afternoon
 * or evening and is left out when a clock time is given; {@code phone} is E.164.
 */
public record Entities(String service, String doctor, LocalDate day, String dayPart, LocalTime time, String branch,
                       String name, String phone) {

  public static final Entities NONE = new Entities(null, null, null, null, null, null, null, null);

  public boolean isEmpty() {
    return asMap().isEmpty();
  }

  /** key → value for the ones present (keys: service, doctor, day, part, time, branch, name, phone). */
  public Map<String, String> asMap() {
    Map<String, String> m = new TreeMap<>();
    if (service != null) {
      m.put("service", service);
    }
    if (doctor != null) {
      m.put("doctor", doctor);
    }
    if (day != null) {
      m.put("day", day.toString());
    }
    if (dayPart != null && time == null) {
      m.put("part", dayPart);
    }
    if (time != null) {
      m.put("time", time.toString());
    }
    if (branch != null) {
      m.put("branch", branch);
    }
    if (name != null) {
      m.put("name", name);
    }
    if (phone != null) {
      m.put("phone", phone);
    }
    return m;
  }
}
