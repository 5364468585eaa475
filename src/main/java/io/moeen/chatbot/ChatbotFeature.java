package io.moeen.chatbot;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;

import java.util.List;

/** The receptionist chat on the web and on WhatsApp, the staff desk and the conversation flows. */
public final class ChatbotFeature implements Feature {
  @Override
  public String name() {
    return "chatbot";
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    return List.of(Deployment.of(new ChatbotVerticle(ctx.pool(), ctx.store(), ctx.messages(), ctx.timeZone(), ctx.clock())));
  }
}
