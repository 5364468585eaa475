package io.moeen.identity;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.i18n.Messages;
import io.moeen.common.kv.KeyValueStore;
import io.moeen.identity.twofactor.TotpCodes;
import io.moeen.identity.twofactor.TwoFactorSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.UUID;

/** Accounts, sign-in and tokens; and, for the API, who a token's holder is. */
public final class IdentityVerticle extends ServiceVerticle {
  private final Pool pool;
  private final KeyValueStore store;
  private final AccessTokens tokens;
  private final Messages messages;

  public IdentityVerticle(Pool pool, KeyValueStore store, AccessTokens tokens, Messages messages) {
    this.pool = pool;
    this.store = store;
    this.tokens = tokens;
    this.messages = messages;
  }

  @Override
  public Future<?> start() {
    IdentityStore accounts = new IdentityStore(pool);
    return vertx.executeBlocking(PasswordHasher::new).compose(hasher -> vertx.executeBlocking(PasswordPolicy::load)
        .compose(policy -> {
          LoginThrottle throttle = new LoginThrottle(store);
          // every change to what a principal holds tells the API's principal cache (see ME_UPDATE …)
          PrincipalInvalidations principals = new PrincipalInvalidations(vertx.eventBus());
          Sessions sessions = new Sessions(accounts, tokens, principals);
          TotpCodes codes = new TotpCodes(store, Clock.systemUTC());
          Login login = new Login(vertx, accounts, hasher, tokens, throttle, sessions);
          SecondFactorLogin secondFactor = new SecondFactorLogin(accounts, tokens, codes, throttle, sessions);
          TokenRefresh refresh = new TokenRefresh(pool, sessions, principals);
          Registration registration = new Registration(vertx, pool, hasher, policy, sessions);
          PasswordReset reset = new PasswordReset(vertx, pool, store, hasher, policy, new ResetAnswers(messages), principals);
          Profiles profiles = new Profiles(vertx, accounts);
          vertx.eventBus().<io.vertx.core.json.JsonObject>consumer(IdentityAddresses.PRINCIPALS_INVALIDATED,
              event -> profiles.invalidate(event.body()));
          ProfileUpdates updates = new ProfileUpdates(vertx, pool, hasher, policy, throttle, sessions, principals);
          TwoFactorSettings twoFactor = new TwoFactorSettings(pool, codes, principals);

          serveInternal(IdentityAddresses.PRINCIPAL_RESOLVE, request -> accounts.principal(UUID.fromString(request.getString("userId")),
              request.getString("sessionId") == null ? null : UUID.fromString(request.getString("sessionId"))));
          servePublic(IdentityAddresses.AUTH_LOGIN, request -> login.login(request).map(Reply::of));
          servePublic(IdentityAddresses.AUTH_LOGIN_TWO_FACTOR, request -> secondFactor.complete(request).map(Reply::of));
          servePublic(IdentityAddresses.AUTH_REFRESH, request -> refresh.refresh(request).map(Reply::of));
          servePublic(IdentityAddresses.AUTH_LOGOUT, request -> refresh.logout(request).map(x -> Reply.empty()));
          servePublic(IdentityAddresses.AUTH_REGISTER, request -> registration.register(request).map(Reply::of));
          SignupVerification signupCodes = new SignupVerification(pool, store);
          servePublic(IdentityAddresses.SIGNUP_CODES_REQUEST, request -> signupCodes.request(request).map(Reply::of));
          servePublic(IdentityAddresses.SIGNUP_CODES_VERIFY, request -> signupCodes.verify(request).map(Reply::of));
          servePublic(IdentityAddresses.PASSWORD_RESET_REQUEST, request -> reset.request(request).map(Reply::of));
          servePublic(IdentityAddresses.PASSWORD_RESET_CONFIRM, request -> reset.confirm(request).map(x -> Reply.empty()));
          serve(IdentityAddresses.ME_GET, request -> profiles.me(request).map(Reply::of));
          serve(IdentityAddresses.ME_UPDATE, request -> updates.update(request)
              .compose(x -> profiles.fresh(request)).map(Reply::of));
          serve(IdentityAddresses.ME_CHANGE_PASSWORD, request -> updates.changePassword(request).map(Reply::of));
          serve(IdentityAddresses.TWO_FACTOR_START, request -> twoFactor.start(request).map(Reply::of));
          serve(IdentityAddresses.TWO_FACTOR_CONFIRM, request -> twoFactor.confirm(request).map(x -> Reply.empty()));
          serve(IdentityAddresses.TWO_FACTOR_DISABLE, request -> twoFactor.disable(request).map(x -> Reply.empty()));
          return Future.all(accounts.verify(), TokenRefresh.SQL.verify(pool), Registration.SQL.verify(pool),
                  PasswordReset.SQL.verify(pool), TwoFactorSettings.SQL.verify(pool), SignupVerification.SQL.verify(pool))
              .compose(verified -> registered());
        }));
  }
}
