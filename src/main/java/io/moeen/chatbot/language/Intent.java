package io.moeen.chatbot.language;

/**
 * What a patient can ask the receptionist bot for. The words for each live in
 * {@code io/moeen/chatbot/intents.json}. Declaration order breaks ties between equal scores, so
 * the specific intents come before the general ones they overlap with.
 */
public enum Intent {
  /** Leave the current step or conversation: a bare "cancel", "إلغاء", "never mind", "خلاص". */
  ABORT(true),
  /** WhatsApp opt-out words (STOP, إيقاف); the webhook handles them before the bot sees them. */
  STOP(true),
  HUMAN(true),
  LANGUAGE_AR(true),
  LANGUAGE_EN(true),
  START_OVER(true),
  /** Cancel an existing appointment ("cancel my appointment", "الغي موعدي"). */
  CANCEL(false),
  RESCHEDULE(false),
  /** "I can't make it tomorrow": one of the contact's appointments, then move or cancel it. */
  CANT_COME(false),
  MY_APPOINTMENTS(false),
  BOOK(false),
  HOURS(false),
  LOCATIONS(false),
  PRICES(false),
  SERVICES(false),
  YES(false),
  NO(false),
  THANKS(false),
  GREETING(false);

  private final boolean global;

  Intent(boolean global) {
    this.global = global;
  }

  /** A global intent is honoured from any step of a flow, not only where a menu offers it. */
  public boolean isGlobal() {
    return global;
  }
}
