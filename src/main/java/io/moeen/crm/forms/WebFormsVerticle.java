package io.moeen.crm.forms;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.config.AppConfig;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Web forms: administration and the public submission endpoint. */
public final class WebFormsVerticle extends ServiceVerticle {
  public static final String LIST = "crm.forms.list";
  public static final String CREATE = "crm.forms.create";
  public static final String DEACTIVATE = "crm.forms.deactivate";
  public static final String SUBMIT = "crm.forms.submit";

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
    serve(LIST, request -> forms.list(request).map(Reply::of));
    serve(CREATE, request -> forms.create(request).map(Reply::of));
    serve(DEACTIVATE, request -> forms.deactivate(request).map(Reply::of));
    servePublic(SUBMIT, request -> submissions.submit(request).map(Reply::of));
    return SQL.verify(pool).compose(verified -> registered());
  }
}
