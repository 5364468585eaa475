package io.moeen.identity;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * Tells the API that principals it may have cached are stale: published (to every API instance,
 * and on a clustered bus to every node) by whatever changes what a principal holds — roles,
 * permissions, activation, patient and family links, language, sessions. Call it after the
 * transaction commits and before the reply, so the caller's next request already sees the change.
 * Each method passes {@code result} through, to sit inside a {@code .map(...)}.
 */
public final class PrincipalInvalidations {
  private final EventBus bus;

  public PrincipalInvalidations(EventBus bus) {
    this.bus = bus;
  }

  /** Every session of one account. */
  public <T> T user(UUID userId, T result) {
    bus.publish(IdentityAddresses.PRINCIPALS_INVALIDATED, new JsonObject().put("userId", userId.toString()));
    return result;
  }

  /** One sign-in session (a refresh-token family), e.g. on logout. */
  public <T> T session(UUID sessionId, T result) {
    bus.publish(IdentityAddresses.PRINCIPALS_INVALIDATED, new JsonObject().put("sessionId", sessionId.toString()));
    return result;
  }

  /** Everyone: a role's permissions changed, which may touch any number of accounts. */
  public <T> T all(T result) {
    bus.publish(IdentityAddresses.PRINCIPALS_INVALIDATED, new JsonObject().put("all", true));
    return result;
  }
}
