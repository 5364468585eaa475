package io.moeen.chatbot.language;

/**
 * What a message most likely asks for.
 *
 * @param intent the best intent
 * @param score how sure, 0 (not at all) to 1 (the whole message is a known phrase, spelled right)
 * @param matched the synonym phrase (normalized, as listed in intents.json) that matched best
 */
public record IntentMatch(Intent intent, double score, String matched) {}
