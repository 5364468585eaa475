package io.moeen.crm;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.errors.Problem;
import io.moeen.testing.RunningApp;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Helpers for the CRM tests: the capture address, SQL reads as the tables' owner, a second marketer. */
public final class CrmFixtures {
  public static final UUID MARKETER_ID = UUID.fromString("00000000-0000-4000-8000-000000000011");
  /** A second marketer, made by {@link #addSecondMarketer()}; signs in with the demo password. */
  public static final UUID SECOND_MARKETER_ID = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
  public static final String SECOND_MARKETER = "marketing2@moeen-clinic.example";

  private final RunningApp app;

  public CrmFixtures(RunningApp app) {
    this.app = app;
  }

  public JsonObject capture(JsonObject request) {
    return app.application().vertx().eventBus().<JsonObject>request(CrmAddresses.LEADS_CAPTURE, request).await().body();
  }

  /** The problem a bus request failed with. */
  public Problem captureFailure(JsonObject request) {
    try {
      capture(request);
    } catch (ReplyException e) {
      return BusFailures.problem(e).orElseThrow(() -> e);
    }
    throw new AssertionError("the capture succeeded");
  }

  public static JsonObject lead(String name, String phone) {
    return new JsonObject().put("fullName", name).put("phone", phone).put("source", "web_form");
  }

  /** The first column of every row, as the tables' owner (no row-level security). */
  public List<String> column(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public String one(String sql) {
    List<String> values = column(sql);
    return values.isEmpty() ? null : values.get(0);
  }

  public long count(String sql) {
    return Long.parseLong(one(sql));
  }

  /** {@link #addSecondMarketer()} unless it is already there. */
  public void addSecondMarketerOnce() {
    if (count("SELECT count(*) FROM users WHERE id = '" + SECOND_MARKETER_ID + "'") == 0) {
      addSecondMarketer();
    }
  }

  /** Another marketer (same demo password as the demo accounts), taking leads too. */
  public void addSecondMarketer() {
    app.asOwner("""
        INSERT INTO users (id, email, phone, password_hash, first_name_ar, first_name_en, language_preference)
        SELECT '%s', '%s', '+966500000099', password_hash, 'سلمى', 'Salma', 'en' FROM users
        WHERE id = '%s';
        INSERT INTO user_roles (user_id, role_id) SELECT '%s', id FROM roles WHERE code = 'marketer';
        INSERT INTO crm_marketers (user_id, supervisor_id, last_assigned_at)
        VALUES ('%s', '00000000-0000-4000-8000-000000000002', now());
        """.formatted(SECOND_MARKETER_ID, SECOND_MARKETER, MARKETER_ID, SECOND_MARKETER_ID, SECOND_MARKETER_ID));
  }
}
