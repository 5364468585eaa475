package io.moeen.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the contract operation a request is for, before the router's own matching runs. */
final class OperationMatcher {
  private record Entry(Pattern path, ContractOperation operation) {
  }

  private final List<Entry> entries = new ArrayList<>();

  OperationMatcher(List<ContractOperation> operations) {
    for (ContractOperation operation : operations) {
      String regex = Pattern.quote(operation.path()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
      entries.add(new Entry(Pattern.compile(regex), operation));
    }
  }

  Optional<ContractOperation> find(String method, String path) {
    // literal paths win over templated ones (/v1/me before /v1/{id}) as in the router
    Optional<ContractOperation> templated = Optional.empty();
    for (Entry entry : entries) {
      if (entry.operation().method().equals(method) && entry.path().matcher(path).matches()) {
        if (!entry.operation().path().contains("{")) {
          return Optional.of(entry.operation());
        }
        templated = templated.isPresent() ? templated : Optional.of(entry.operation());
      }
    }
    return templated;
  }
}
