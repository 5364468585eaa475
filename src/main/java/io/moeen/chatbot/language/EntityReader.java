package io.moeen.chatbot.language;

import io.moeen.identity.LoginIdentifier;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stage 3: the details a message gives — phone, name, time, day, part of the day, service, doctor,
 * branch — read in that order from the normalised text and its Arabizi reading (a phone or a name
 * taken out first so its digits or words are not read again as a time or a doctor). Days and times
 * go through {@link DateTimeParser}; services through the catalogue's names plus the everyday words
 * of {@code entities.json}, most specific first; doctors and branches through the words of their
 * names ({@link NamedItems}). Pure, thread-safe.
 */
public final class EntityReader {
  private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(\\+?\\d[\\d -]{7,16}\\d)(?!\\d)");
  /**
   * Who the person is to the writer, said before the name («باسم ابوي عبدالله», «الاسم: والدتي فاطمة», "under my son
   * Omar"): not part of the name, passed over; the Arabic ones also make a first «باسم» the preposition, not Basem.
   */
  private static final List<String> KIN_AR = List.of("ابوي", "ابويه", "والدي", "الوالد", "ابي", "امي", "والدتي",
      "الوالده", "ولدي", "ابني", "بنتي", "ابنتي", "زوجي", "زوجتي", "مرتي", "مراتي", "اخوي", "اخي", "اختي", "جدي", "جدتي",
      "عمي", "عمتي", "خالي", "خالتي", "زميلي", "زميلتي");
  private static final Pattern NAME = Pattern.compile(
      "(?:^|\\s)(?:اسمي|انا اسمي|الاسم|اسمى|والاسم|واسمي|my name is|my name's|name is|name:|esmi|ismi|ana esmi|(?:(?:it's|its|it is|booked) )?under(?: the)? name(?: of)?|(?:it's|its|it is) under"
          + "|her name is|his name is|her name's|his name's|اسمها|اسمه|اسم المريض|اسم المريضه"
          + "|in the name of|booked under|علي اسم|ع اسم|(?<=\\S )باسم|bism|b esm|b ism"
          // «باسم» first is a first name (Basem) unless whose name follows: «باسم ابوي عبدالله»
          + "|باسم(?=\\s+(?:" + String.join("|", KIN_AR) + ")\\s)"
          // "my wife name Fatima", "son's name is Omar": whose name, then the name
          + "|(?:my|his|her|wife|wife's|son|son's|daughter|daughter's|husband|husband's|father's|mother's|patient|patient's)"
          + " name(?: is)?)\\s*:?\\s+([^,.;!?]+)");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Set<String> NAME_STOP = Set.of("و", "ورقمي", "رقمي", "جوالي", "وجوالي", "and", "my", "number",
      "phone", "الجوال", "ابي", "ابغى", "ابغي", "i", "want", "نبي", "احجز", "book", "ورقم", "w", "wa", "please", "pls",
      "لو", "اذا", "if", "is", "its", "it's", "تكفى", "مع", "with", "عند", "وتلفوني", "تلفوني", "وتليفوني", "تليفوني",
      "وموبايلي", "موبايلي", "وجوال", "والجوال", "والرقم", "ونمرتي", "نمرتي", "وهو", "وهي", "هو", "هي", "عمره",
      "عمرها", "بس", "bas", "bs", "but", "from", "in", "on", "at", "to", "the", "of", "list", "not", "was", "has", "من",
      "في", "على");
  private static final Set<String> KIN = Stream.concat(KIN_AR.stream(), Stream.of("my", "for", "son",
      "daughter", "wife", "husband", "father", "dad", "mother", "mom", "mum", "brother", "sister", "colleague", "friend",
      "abuya", "ummi", "omi", "wldi", "binti", "zawjati", "akhoy")).collect(Collectors.toUnmodifiableSet());
  private static final Map<String, String> PARTS = new LinkedHashMap<>();
  /** Arabizi "3am" after a consultation or doctor word is «عام» (general), not 3 a.m. */
  private static final Pattern GENERAL_3AM = Pattern.compile(
      "(?<![\\p{L}\\d])(kashf|kshf|kashef|keshf|kachf|kasf|tabib|tbeeb|tabeeb|dktor|doktor|doctor|dr)\\s+3am(?![\\p{L}\\d])");
  private static final Set<String> GREETINGS = Set.of("صباح الخير", "صباح النور", "صباح الفل", "مساء الخير", "مساء النور",
      "good morning", "good evening", "good afternoon");
  private static final Lexicon LEXICON = Lexicon.load();

  static {
    for (String w : List.of("بعد الظهر", "بعد العصر", "العصر", "عصرا", "العصريه", "عصر", "afternoon", "3asr", "el3asr",
        "alasr", "العسر", "هالعصر", "afternoons")) {
      PARTS.put(w, "afternoon");
    }
    for (String w : List.of("الصبح", "الصباح", "صباحا", "صباح", "الصبحيه", "الصباحيه", "الفجر", "الضحي", "morning",
        "sob7", "sabah", "الصبحي", "السوبح", "هالصبح", "mornings", "صباحي")) {
      PARTS.put(w, "morning");
    }
    for (String w : List.of("الظهر", "ظهرا", "noon", "midday", "الظهريه", "dohr", "الدهر")) {
      PARTS.put(w, "noon");
    }
    for (String w : List.of("المغرب", "المسا", "المساء", "مساء", "مساءا", "مسا", "بالليل", "الليل", "ليلا", "بالمسا",
        "evening", "evenings", "المساييه", "مساييه", "مساي", "night", "nights", "masa", "bellail", "العشاء", "العشا",
        "بالمساء", "tonight", "tonite", "الليله", "هالليله", "هالمسا", "هالمساء", "مسايي", "المسايي")) {
      PARTS.put(w, "evening");
    }
  }

  private EntityReader() {}

  /** What {@code text} says, read against the clinic's catalogue, with days in the clinic's zone. */
  public static Entities read(String text, ClinicCatalogue catalogue, ZoneId zone, Clock clock) {
    String normalized = ChatNormalizer.normalize(head(text));
    return read(normalized, ChatNormalizer.arabizi(normalized), catalogue, zone, clock);
  }

  /**
   * Details are read from a message's first this many characters: the longest corpus message has 254, and a 4,096-
   * character one (the chat's limit) cost 20–43 ms of event-loop time per reading, several readings a turn.
   */
  static final int READ_CHARS = 600;

  /** The first {@link #READ_CHARS} characters of {@code text}, cut at a space. */
  static String head(String text) {
    if (text.length() <= READ_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', READ_CHARS);
    return text.substring(0, cut > READ_CHARS / 2 ? cut : READ_CHARS);
  }

  static Entities read(String normalized, String arabizi, ClinicCatalogue catalogue, ZoneId zone, Clock clock) {
    normalized = head(normalized);
    arabizi = head(arabizi);
    String rest = normalized;
    String phone = null;
    Matcher pm = PHONE.matcher(rest);
    while (pm.find()) {
      Optional<String> e164 = LoginIdentifier.normalizePhone(pm.group(1).replaceAll("[ -]", ""));
      if (e164.isPresent()) {
        phone = e164.get();
        rest = rest.substring(0, pm.start(1)) + " " + rest.substring(pm.end(1));
        break;
      }
    }
    String name = null;
    Matcher nm = NAME.matcher(rest);
    if (nm.find()) {
      List<String> words = new ArrayList<>();
      int end = nm.start(1);
      Matcher word = WORD.matcher(nm.group(1));
      while (word.find()) {
        String w = word.group();
        if (words.isEmpty() && KIN.contains(w)) {
          continue; // «باسم ابوي عبدالله»: the father is not called «ابوي»
        }
        if (NAME_STOP.contains(w) || words.size() == 3 || !w.matches(".*\\p{L}.*")) {
          break;
        }
        words.add(w);
        end = nm.start(1) + word.end();
      }
      if (!words.isEmpty()) {
        name = String.join(" ", words);
        rest = rest.substring(0, nm.start(1)) + " " + rest.substring(end); // only the name: what follows is still read
      }
    }
    final String left = rest;
    final String view = rest.equals(normalized) ? arabizi : ChatNormalizer.arabizi(rest);
    String timeText = GENERAL_3AM.matcher(left).replaceAll("$1 aam"); // "kashf 3am" is «كشف عام», not 03:00
    LocalTime time = DateTimeParser.parseTime(timeText).or(() -> view.equals(left) ? Optional.empty()
        : DateTimeParser.parseTime(view)).orElse(null);
    LocalDate day = DateTimeParser.parseDate(left, zone, clock).or(() -> view.equals(left) ? Optional.empty()
        : DateTimeParser.parseDate(view, zone, clock)).orElse(null);
    LocalDate to = day == null ? null : WhereItGoes.dayAfterTo(left, zone, clock); // which of two: only when there is one
    if (to != null) {
      day = to; // "from tuesday to thursday", «من الثلاثاء الى الخميس»: the day it goes to
    }
    if (day == null && WhereItGoes.saysToday(left)) {
      day = LocalDate.now(clock.withZone(zone)); // "this evening", "tonight", «الليله», «هالمسا»
    }
    LocalTime toTime = time == null ? null : WhereItGoes.timeAfterTo(left);
    if (toTime != null) {
      time = toTime; // «من الساعه ٤ للساعه ٦», «الساعه ٣ خلوه الساعه ٦»: the time it goes to
    }
    if (time != null && time.equals(LocalTime.NOON) && !DateTimeParser.saysHour(left)) {
      time = null; // «بكرة الظهر», "noon": a part of the day, not a clock time
    }
    List<String> words = words(rest);
    if (!view.equals(rest)) {
      words.addAll(words(view));
    }
    String part = time == null ? part(rest + " " + (view.equals(rest) ? "" : view)) : null;
    String both = view.equals(rest) ? rest : rest + " " + view;
    return new Entities(service(words, catalogue), WhereItGoes.item(both, words, catalogue.doctors(), NamedItems::doctor),
        day, part, time, WhereItGoes.item(both, words, catalogue.branches(), NamedItems::branch), name, phone);
  }

  /** The day a move names as where it goes, or null ({@link WhereItGoes#movedTo}). */
  public static LocalDate movedTo(String text, ZoneId zone, Clock clock) {
    return WhereItGoes.movedTo(text, zone, clock);
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  private static String part(String text) {
    List<String> words = new ArrayList<>();
    for (String w : words(text)) {
      words.add(w);
      // «للمغرب», «لبعد», «بالعصر»: the same part with its particle off
      if (w.startsWith("لل") && w.length() > 4) {
        words.add("ال" + w.substring(2));
      } else if (w.startsWith("بال") && w.length() > 5) {
        words.add(w.substring(1));
      }
    }
    String t = " " + String.join(" ", words) + " ";
    for (String greeting : GREETINGS) {
      t = t.replace(" " + greeting + " ", " ");
    }
    for (Map.Entry<String, String> e : PARTS.entrySet()) {
      if (t.contains(" " + e.getKey() + " ")) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The most specific service a phrase of the message names. */
  private static String service(List<String> said, ClinicCatalogue catalogue) {
    // a weekday is not a typo of a service word («الاثنين» is two letters from «الاسنان»)
    List<String> words = said.stream().filter(w -> !CalendarWords.WEEKDAYS.containsKey(w)).toList();
    // the clinic's own name of a service, in full and of two words or more ("dental cleaning"), before everyday words
    // ("kids" in "dental cleaning for 2 kids")
    for (ClinicCatalogue.Item item : catalogue.services()) {
      if (anyPhrase(words, serviceNames(item).stream().filter(n -> n.size() >= 2).toList())) {
        return item.id();
      }
    }
    boolean kid = words.stream().anyMatch(w -> LEXICON.kidWords.contains(w));
    boolean checkup = words.stream().anyMatch(w -> LEXICON.checkupWords.contains(w));
    for (Map.Entry<String, List<List<String>>> e : LEXICON.byCode.entrySet()) {
      for (ClinicCatalogue.Item item : catalogue.services()) {
        if (e.getKey().equals(item.code()) && (anyPhrase(words, e.getValue())
            || (e.getKey().equals("child_checkup") && kid && checkup))) {
          return item.id();
        }
      }
    }
    for (ClinicCatalogue.Item item : catalogue.services()) {
      if (anyPhrase(words, serviceNames(item))) {
        return item.id();
      }
    }
    return null;
  }

  private static boolean anyPhrase(List<String> words, List<List<String>> phrases) {
    for (List<String> phrase : phrases) {
      for (int i = 0; i + phrase.size() <= words.size(); i++) {
        int j = 0;
        while (j < phrase.size() && OptionMatcher.same(words.get(i + j), phrase.get(j))) {
          j++;
        }
        if (j == phrase.size() && !phrase.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The catalogue's names read once per item, not once per message (items live as long as the
   * catalogue they belong to; keys by identity, released with it).
   */
  private static final com.github.benmanes.caffeine.cache.Cache<ClinicCatalogue.Item, List<List<String>>> SERVICE_NAMES =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();
  private static List<List<String>> serviceNames(ClinicCatalogue.Item item) {
    return SERVICE_NAMES.get(item, i -> i.names().stream().map(n -> words(ChatNormalizer.normalize(n))).toList());
  }

  /** The everyday service words of entities.json, normalised. */
  private record Lexicon(Map<String, List<List<String>>> byCode, Set<String> kidWords, Set<String> checkupWords) {
    static Lexicon load() {
      try (InputStream in = EntityReader.class.getClassLoader().getResourceAsStream("io/moeen/chatbot/entities.json")) {
        JsonObject json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        Map<String, List<List<String>>> byCode = new LinkedHashMap<>();
        JsonObject services = json.getJsonObject("services");
        for (String code : services.fieldNames()) {
          byCode.put(code, services.getJsonArray(code).stream()
              .map(p -> words(ChatNormalizer.normalize(String.valueOf(p)))).filter(p -> !p.isEmpty()).toList());
        }
        return new Lexicon(byCode, set(json, "kidWords"), set(json, "checkupWords"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Set<String> set(JsonObject json, String key) {
      return Set.copyOf(json.getJsonArray(key).stream().map(w -> ChatNormalizer.normalize(String.valueOf(w))).toList());
    }
  }
}
