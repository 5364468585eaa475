package io.moeen.bench;

import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.SqlStatements;
import io.moeen.testing.TestDatabases;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lead search's SQL alone, without the service: the test harness's embedded PostgreSQL (schema and demo
 * data), {@code leads} generated leads (LeadSearchBench's generator), then for each search the statement the
 * service runs ({@code leads.sql} list_leads, as moeen_app under row-level security with the supervisor's
 * settings), {@code runs} times one after the other: p50/p99 of the statement's own time as
 * EXPLAIN ANALYZE reports it, and the last plan with the plans inside crm_lead_page (auto_explain).
 * Not a test: run bench/lead-search-explain.sh.
 * <p>Arguments: {@code [leads=100000] [runs=50] [--plans]}.
 */
public final class LeadSearchExplain {
  /** q as the service receives it, and the digits LeadQuery derives from it (or null). */
  private static final String[][] SEARCHES = {
      {"احمد", null}, {"فاطمه الحربي", null}, {"مصطفي", null}, {"٠٥٥٠٠١٢٣٤", "55001234"}, {"0550012", "550012"},
      {"omar", null}, {"هيفاء الزهراني 99999", null}, {"lead99", null}};

  public static void main(String[] args) throws Exception {
    List<String> numbers = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
    boolean plans = Arrays.asList(args).contains("--plans");
    int leads = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 100_000;
    int runs = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 50;
    PrintStream out = System.out;
    DatabaseServer database = TestDatabases.fresh("lead_explain");
    try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      long seeded = System.nanoTime();
      db.createStatement().execute(LeadSearchBench.seed(leads));
      db.createStatement().execute("VACUUM ANALYZE crm_leads");
      out.printf("seeded %d leads in %.1f s; load average %s%n", leads, (System.nanoTime() - seeded) / 1e9,
          new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
      Statement st = db.createStatement();
      st.execute("BEGIN");
      st.execute("SET LOCAL ROLE moeen_app");
      st.execute("SELECT set_config('app.lead_access', 'any', true), set_config('app.user_id', "
          + "(SELECT id::text FROM users WHERE email = 'supervisor@moeen-clinic.example'), true)");
      st.execute("PREPARE explain_list AS " + SqlStatements.load("io/moeen/crm/leads.sql").get("list_leads"));
      for (String[] search : SEARCHES) {
        String call = "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, 21, " + literal(search[0]) + ", "
            + literal(search[1]);
        List<Double> times = new ArrayList<>();
        int rows = 0;
        for (int run = 0; run < runs + 3; run++) { // three to warm up
          try (ResultSet plan = st.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE explain_list(" + call + ")")) {
            plan.next();
            String json = plan.getString(1);
            double ms = Double.parseDouble(json.replaceAll("(?s).*\"Execution Time\": ([0-9.]+).*", "$1"));
            rows = Integer.parseInt(json.replaceAll("(?s)^.*?\"Actual Rows\": ([0-9]+).*", "$1"));
            if (run >= 3) {
              times.add(ms);
            }
          }
        }
        times.sort(Double::compare);
        out.printf("q=%-22s digits=%-9s %3d rows  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d runs)%n", search[0],
            search[1], rows, times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.99) - 1),
            times.get(times.size() - 1), runs);
      }
      st.execute("ROLLBACK");
      if (plans) {
        LeadSearchBench.printPlans(db, out);
      }
    } finally {
      database.close();
    }
    System.exit(0);
  }

  private static String literal(String text) {
    return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
  }
}
