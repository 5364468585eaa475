package io.moeen.crm.leads;

import io.moeen.crm.CrmAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The CRM's domain events. A change collects them while its transaction runs and publishes them
 * only after it committed, so nobody hears of a lead that was rolled back.
 */
public final class LeadEvents {
  /** The events of one change, not yet published. */
  public static final class Batch {
    private final List<String> addresses = new ArrayList<>();
    private final List<JsonObject> bodies = new ArrayList<>();

    public void created(UUID leadId, String source, UUID ownerId) {
      addresses.add(CrmAddresses.LEADS_CREATED);
      bodies.add(new JsonObject().put("leadId", leadId.toString()).put("source", source)
          .put("ownerId", ownerId == null ? null : ownerId.toString()));
    }

    public void statusChanged(UUID leadId, String from, String to) {
      addresses.add(CrmAddresses.LEADS_STATUS_CHANGED);
      bodies.add(new JsonObject().put("leadId", leadId.toString()).put("from", from).put("to", to));
    }
  }

  private final Vertx vertx;

  public LeadEvents(Vertx vertx) {
    this.vertx = vertx;
  }

  public void publish(Batch batch) {
    for (int i = 0; i < batch.addresses.size(); i++) {
      vertx.eventBus().publish(batch.addresses.get(i), batch.bodies.get(i));
    }
  }
}
