package io.moeen.bench;

import io.moeen.chatbot.language.ArabicText;
import io.moeen.chatbot.language.DateTimeParser;
import io.moeen.chatbot.language.IntentMatcher;
import io.moeen.chatbot.language.LanguageDetector;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * How fast the chatbot understands a message, single-threaded: normalize, detect the language,
 * match the intent, read a date and a time. Prints messages per second and p50/p99/max per call
 * after a warm-up, then the worst case: a 4096-character message. Usage: bench/chat-language.sh [n]
 */
public final class ChatLanguageBench {

  private static final List<String> MESSAGES = List.of(
      "السلام عليكم ابي احجز موعد بكرة الساعة ٥ مساءً", "وش مواعيدكم؟", "كم السعر", "وين موقعكم",
      "ابي اكلم موظف", "الغي موعدي", "ابي اغير موعدي للأحد الجاي", "بكم الكشف", "هلا", "نعم", "لا",
      "book an appointment for tomorrow at 3pm", "what are your hours", "cancle my apointment",
      "I want to see a doctor next Sunday", "talk to a human", "25/12 10:30", "٣ العصر", "thanks!", "English");

  private ChatLanguageBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    ZoneId zone = ZoneId.of("Asia/Riyadh");
    Clock clock = Clock.systemUTC();
    long start = System.nanoTime();
    IntentMatcher.match("warm");
    System.out.printf("first use (loading intents.json): %.1f ms%n", (System.nanoTime() - start) / 1e6);

    run("normalize", n, ArabicText::normalize);
    run("detect language", n, LanguageDetector::detect);
    run("match intent", n, IntentMatcher::match);
    run("parse date", n, text -> DateTimeParser.parseDate(text, zone, clock));
    run("parse time", n, DateTimeParser::parseTime);
    run("whole turn (all five)", n, text -> {
      LanguageDetector.detect(text);
      IntentMatcher.match(text);
      DateTimeParser.parseDate(text, zone, clock);
      DateTimeParser.parseTime(text);
    });

    String sentence = "السلام عليكم ابي احجز موعد بكرة الساعة ٥ مساءً عند الدكتور لو سمحت ";
    String longest = sentence.repeat(4096 / sentence.length() + 1).substring(0, 4096);
    long[] times = new long[50];
    for (int i = 0; i < times.length; i++) {
      long t = System.nanoTime();
      IntentMatcher.match(longest);
      DateTimeParser.parseDate(longest, zone, clock);
      DateTimeParser.parseTime(longest);
      times[i] = System.nanoTime() - t;
    }
    Arrays.sort(times);
    System.out.printf("4096-character message, whole turn: p50 %.2f ms, max %.2f ms%n",
        times[times.length / 2] / 1e6, times[times.length - 1] / 1e6);
  }

  private static void run(String name, int n, Consumer<String> call) {
    for (int i = 0; i < n / 4; i++) {
      call.accept(MESSAGES.get(i % MESSAGES.size()));
    }
    long[] latencies = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.accept(MESSAGES.get(i % MESSAGES.size()));
      latencies[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    System.out.printf("%-22s %,10.0f msg/s   p50 %6.1f µs   p99 %7.1f µs   max %8.1f µs%n", name, n / seconds,
        latencies[n / 2] / 1e3, latencies[(int) (n * 0.99)] / 1e3, latencies[n - 1] / 1e3);
  }
}
