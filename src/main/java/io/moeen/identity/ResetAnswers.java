package io.moeen.identity;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;

/** The reset request's one answer, in the caller's language: it never says whether the account exists. */
final class ResetAnswers {
  private final Messages messages;

  ResetAnswers(Messages messages) {
    this.messages = messages;
  }

  JsonObject accepted(String locale) {
    SupportedLocale language = SupportedLocale.fromTag(locale == null ? "" : locale).orElse(SupportedLocale.AR);
    return new JsonObject()
        .put("accepted", true)
        .put("message", messages.format(language, "auth.password_reset.accepted"));
  }
}
