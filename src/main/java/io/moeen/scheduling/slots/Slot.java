package io.moeen.scheduling.slots;

import java.time.Instant;

/**
 * A time a service can start: {@code startsAt}–{@code endsAt} is the patient's visit,
 * {@code blocked} the doctor's time including the service's buffers.
 */
public record Slot(Instant startsAt, Instant endsAt, TimeRange blocked) {
}
