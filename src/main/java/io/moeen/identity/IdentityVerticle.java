package io.moeen.identity;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.UUID;

/** Accounts, sign-in and tokens; and, for the API, who a token's holder is. */
public final class IdentityVerticle extends ServiceVerticle {
  /** Internal: {userId} → the principal JSON of an active account, or null. */
  public static final String RESOLVE_PRINCIPAL = "identity.principal.resolve";
  public static final String LOGIN = "identity.auth.login";
  public static final String ME = "identity.me.get";

  private final Pool pool;
  private final KeyValueStore store;
  private final AccessTokens tokens;

  public IdentityVerticle(Pool pool, KeyValueStore store, AccessTokens tokens) {
    this.pool = pool;
    this.store = store;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    IdentityStore accounts = new IdentityStore(pool);
    return vertx.executeBlocking(PasswordHasher::new).compose(hasher -> {
      Login login = new Login(vertx, accounts, hasher, tokens);
      serveInternal(RESOLVE_PRINCIPAL, request -> accounts.principal(UUID.fromString(request.getString("userId"))));
      Profiles profiles = new Profiles(accounts);
      serve(LOGIN, request -> login.login(request).map(Reply::of));
      serve(ME, request -> profiles.me(request).map(Reply::of));
      return accounts.verify().compose(verified -> registered());
    });
  }
}
