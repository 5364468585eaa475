package io.moeen.common.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: resolved by the API verticle from a verified access token and carried in the
 * envelope. {@code patientId} is the patient record linked to this account, if any;
 * {@code family} maps each patient who granted this account access to the scopes granted
 * (e.g. {@code appointments.read}).
 */
public record Principal(
    UUID userId,
    List<String> roles,
    Set<String> permissions,
    Optional<UUID> patientId,
    Map<UUID, Set<String>> family) {

  public boolean has(String permission) {
    return permissions.contains(permission);
  }

  public String primaryRole() {
    return roles.isEmpty() ? "none" : roles.get(0);
  }

  public JsonObject toJson() {
    JsonArray grants = new JsonArray();
    family.forEach((patient, scopes) -> grants.add(new JsonObject()
        .put("patientId", patient.toString())
        .put("scopes", new JsonArray(List.copyOf(scopes)))));
    return new JsonObject()
        .put("userId", userId.toString())
        .put("roles", new JsonArray(roles))
        .put("permissions", new JsonArray(List.copyOf(permissions)))
        .put("patientId", patientId.map(UUID::toString).orElse(null))
        .put("family", grants);
  }

  public static Principal fromJson(JsonObject json) {
    Map<UUID, Set<String>> family = new java.util.LinkedHashMap<>();
    for (Object o : json.getJsonArray("family", new JsonArray())) {
      JsonObject grant = (JsonObject) o;
      Set<String> scopes = new java.util.TreeSet<>();
      grant.getJsonArray("scopes", new JsonArray()).forEach(s -> scopes.add((String) s));
      family.put(UUID.fromString(grant.getString("patientId")), Set.copyOf(scopes));
    }
    List<String> roles = json.getJsonArray("roles", new JsonArray()).stream().map(String::valueOf).toList();
    Set<String> permissions = new java.util.TreeSet<>();
    json.getJsonArray("permissions", new JsonArray()).forEach(p -> permissions.add((String) p));
    String patient = json.getString("patientId");
    return new Principal(UUID.fromString(json.getString("userId")), roles, Set.copyOf(permissions),
        patient == null ? Optional.empty() : Optional.of(UUID.fromString(patient)), Map.copyOf(family));
  }
}
