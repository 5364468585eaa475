package io.moeen.crm.leads;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.UUID;

/**
 * Who takes a new lead. Called inside the capture's transaction, so an implementation may lock
 * and update {@code crm_marketers}; if the capture is undone (a twin won the race) so is the
 * assignment.
 */
public interface LeadAssigner {
  /** What is known of the lead when it is assigned. */
  record NewLead(String preferredLanguage, String source) {
  }

  /** The marketer's user id, or null when nobody takes leads (the lead waits unassigned, visible to every marketer). */
  Future<UUID> assign(SqlConnection conn, NewLead lead, Instant now);
}
