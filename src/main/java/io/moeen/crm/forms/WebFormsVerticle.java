package io.moeen.crm.forms;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.config.AppConfig;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.kv.KeyValueStore;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Web forms: administration and the public submission endpoint. */
public final class WebFormsVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/crm/forms/forms.sql");

  private final Pool pool;
  private final KeyValueStore store;
  private final AppConfig.Crm settings;

  public WebFormsVerticle(Pool pool, KeyValueStore store, AppConfig.Crm settings) {
    this.pool = pool;
    this.store = store;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    WebForms forms = new WebForms(pool, SQL);
    FormSubmissions submissions = new FormSubmissions(vertx, pool, SQL,
        new SubmissionLimits(store, settings.formLimitPerForm(), settings.formLimitPerAddress()));
    serve(CrmAddresses.FORMS_LIST, request -> forms.list(request).map(Reply::of));
    serve(CrmAddresses.FORMS_CREATE, request -> forms.create(request).map(Reply::of));
    serve(CrmAddresses.FORMS_DEACTIVATE, request -> forms.deactivate(request).map(Reply::of));
    servePublic(CrmAddresses.FORMS_SUBMIT, request -> submissions.submit(request).map(Reply::of));
    return SQL.verify(pool).compose(verified -> registered());
  }
}
