package io.moeen.chatbot;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.chatbot.language.ChatUnderstanding;
import io.moeen.chatbot.language.IntentMatcher;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;

import java.util.List;

/** The receptionist chat on the web and on WhatsApp, the staff desk and the conversation flows. */
public final class ChatbotFeature implements Feature {
  @Override
  public String name() {
    return "chatbot";
  }

  /**
   * The intent lexicon and the shipped intent model (3.7 MB) load while PostgreSQL starts: the verticle's
   * own warm-up then finds them loaded (it was the last feature up, 0.8 s of a 1.5 s deployment).
   */
  @Override
  public Future<?> prepare(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      IntentMatcher.match("warm up");
      ChatUnderstanding.warm();
      return null;
    }, false);
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    // a worker: reading a message is CPU (~170 µs typically, milliseconds for a 4 KB one, several readings a turn), and
    // a turn never runs on an event loop; one instance, whose handlers run one at a time as they did on an event loop
    ChatbotVerticle chatbot = new ChatbotVerticle(ctx.pool(), ctx.store(), ctx.messages(), ctx.timeZone(), ctx.clock());
    return List.of(new Deployment(() -> chatbot, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
  }
}
