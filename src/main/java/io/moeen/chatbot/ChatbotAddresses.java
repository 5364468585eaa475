package io.moeen.chatbot;

/**
 * Every event-bus address of the chatbot feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}, and internal requests)
 * and the events it publishes. Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>The web chat sessions, the staff desk (hand-offs) and the conversation flows.
 */
public final class ChatbotAddresses {
  // Contract operations (see contract/chatbot.yaml).
  public static final String SESSIONS_CREATE = "chatbot.sessions.create";
  public static final String SESSION_MESSAGES_SEND = "chatbot.session_messages.send";
  public static final String SESSION_MESSAGES_LIST = "chatbot.session_messages.list";
  public static final String HANDOFFS_LIST = "chatbot.handoffs.list";
  public static final String HANDOFFS_STREAM = "chatbot.handoffs.stream";
  public static final String CONVERSATIONS_GET_TRANSCRIPT = "chatbot.conversations.get_transcript";
  public static final String CONVERSATIONS_REPLY = "chatbot.conversations.reply";
  public static final String CONVERSATIONS_RELEASE = "chatbot.conversations.release";
  public static final String FLOWS_LIST = "chatbot.flows.list";
  public static final String FLOWS_CREATE = "chatbot.flows.create";
  public static final String FLOWS_GET = "chatbot.flows.get";
  public static final String FLOWS_UPDATE = "chatbot.flows.update";
  public static final String FLOWS_VALIDATE = "chatbot.flows.validate";
  public static final String FLOWS_PUBLISH = "chatbot.flows.publish";

  private ChatbotAddresses() {
  }

  // ── published ──
  /** A conversation held by staff changed: handed off, a message in it, a staff reply, released ({@code {conversationId, status}}). */
  public static final String CONVERSATIONS_CHANGED = "chatbot.conversations.changed";
}
