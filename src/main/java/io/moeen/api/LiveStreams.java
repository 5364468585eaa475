package io.moeen.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The event streams one API verticle holds open, so stopping can end them instead of waiting out the grace period. */
final class LiveStreams {
  private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

  void add(EventStream stream) {
    open.add(stream);
  }

  void remove(EventStream stream) {
    open.remove(stream);
  }

  int size() {
    return open.size();
  }

  void endAll() {
    Set.copyOf(open).forEach(EventStream::end);
  }
}
