package io.moeen.crm.imports;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.i18n.Messages;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;

/** CSV import of leads, row by row through the capture. */
public final class LeadImportVerticle extends ServiceVerticle {
  private final Messages messages;

  public LeadImportVerticle(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Future<?> start() {
    LeadImport imports = new LeadImport(vertx, messages);
    serve(CrmAddresses.LEADS_IMPORT, request -> imports.run(request).map(Reply::of));
    return registered();
  }
}
