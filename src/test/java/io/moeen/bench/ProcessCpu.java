package io.moeen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (Linux {@code /proc}) of this JVM plus the embedded PostgreSQL whose data lives under
 * {@code dataDir} (its postmaster and backends): on a shared machine the other tenants change how
 * fast a run goes, not how much CPU a request costs, so the benches can print CPU per request too.
 */
final class ProcessCpu {
  private static final double TICKS_PER_MS = 100 / 1000.0; // USER_HZ, 100 on Linux

  private ProcessCpu() {
  }

  /** Milliseconds of CPU so far: [this JVM, PostgreSQL]. */
  static double[] millis(Path dataDir) {
    long self = ticks(ProcessHandle.current().pid());
    long postgres = 0;
    for (long postmaster : postmasters(dataDir.toString())) {
      postgres += ticks(postmaster);
      for (long child : children(postmaster)) {
        postgres += ticks(child);
      }
    }
    return new double[] {self / TICKS_PER_MS, postgres / TICKS_PER_MS};
  }

  private static List<Long> postmasters(String dataDir) {
    List<Long> found = new ArrayList<>();
    for (long pid : pids()) {
      String cmd = read(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
      if (cmd.contains("postgres") && cmd.contains(dataDir)) {
        found.add(pid);
      }
    }
    return found;
  }

  private static List<Long> children(long parent) {
    List<Long> found = new ArrayList<>();
    for (long pid : pids()) {
      String[] stat = stat(pid);
      if (stat.length > 1 && Long.parseLong(stat[1]) == parent) {
        found.add(pid);
      }
    }
    return found;
  }

  private static long ticks(long pid) {
    String[] stat = stat(pid);
    return stat.length > 12 ? Long.parseLong(stat[11]) + Long.parseLong(stat[12]) : 0;
  }

  /** The fields of /proc/pid/stat after the command name: [state, ppid, …]; utime and stime are [11] and [12]. */
  private static String[] stat(long pid) {
    String text = read(Path.of("/proc", String.valueOf(pid), "stat"));
    int end = text.lastIndexOf(')');
    return end < 0 ? new String[0] : text.substring(end + 2).trim().split(" ");
  }

  private static List<Long> pids() {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String read(Path path) {
    try {
      return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
