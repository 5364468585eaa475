package io.moeen.web;

import io.moeen.testing.WebBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The chat widget on a page, as a visitor uses it: through its shadow root, by clicks and keys. */
final class ChatWidgetPage {
  /** What the bot (or staff) said since the visitor's last message; null while a turn is under way. */
  private static final String SAID_SINCE_LAST_TURN = """
      const root = document.querySelector('[data-moeen-widget]')?.shadowRoot;
      if (!root || root.querySelector('.msg.pending') || !root.querySelector('.typing').hidden) return null;
      const msgs = [...root.querySelectorAll('.log .msg')];
      if (msgs.filter(m => m.classList.contains('user')).length < arguments[0]) return null;
      const out = [];
      for (let i = msgs.length - 1; i >= 0 && !msgs[i].classList.contains('user'); i--) {
        out.unshift(msgs[i].querySelector('.text').textContent);
      }
      return out.length ? out.join('\\n') : null;""";

  final WebBrowser browser;

  ChatWidgetPage(WebBrowser browser) {
    this.browser = browser;
  }

  SearchContext shadow() {
    return browser.await(10, "the widget's shadow root", b -> {
      List<WebElement> hosts = b.driver().findElements(By.cssSelector("[data-moeen-widget]"));
      return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
    });
  }

  WebElement find(String css) {
    return shadow().findElement(By.cssSelector(css));
  }

  /** Waits until the launcher shows (texts loaded). */
  ChatWidgetPage ready() {
    browser.await(15, "the launcher", b -> {
      List<WebElement> found = shadow().findElements(By.cssSelector(".launcher"));
      return !found.isEmpty() && found.get(0).isDisplayed();
    });
    return this;
  }

  boolean panelOpen() {
    return find(".panel").isDisplayed();
  }

  int visitorMessages() {
    return shadow().findElements(By.cssSelector(".msg.user:not(.pending)")).size();
  }

  int messages() {
    return shadow().findElements(By.cssSelector(".log .msg")).size();
  }

  /** Waits for the bot's answer to the visitor's {@code turn}-th message (0: the greeting). */
  String saidAfter(int turn) {
    return browser.await(20, "the bot's answer to turn " + turn, b -> b.<String>script(SAID_SINCE_LAST_TURN, turn));
  }

  String openAndGreet() {
    find(".launcher").click();
    return saidAfter(0);
  }

  /** Types and presses Enter, as a person would; answers what the bot said back. */
  String say(String text) {
    int turn = visitorMessages() + 1;
    WebElement input = find(".composer input");
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
    return saidAfter(turn);
  }

  /** Clicks one of the buttons (or list rows) the bot offered last. */
  String tap(String replyId) {
    int turn = visitorMessages() + 1;
    find(".msg:last-child .choices button[data-reply-id='" + replyId + "']").click();
    return saidAfter(turn);
  }

  List<String> offered() {
    return shadow().findElements(By.cssSelector(".choices button")).stream()
        .map(b -> b.getAttribute("data-reply-id")).toList();
  }

  String attribute(String css, String name) {
    return find(css).getAttribute(name);
  }

  /** The element focused inside the widget (the document sees only the shadow host), as a CSS-ish name. */
  String focused() {
    return browser.script("""
        const root = document.querySelector('[data-moeen-widget]')?.shadowRoot;
        const el = root && root.activeElement;
        if (!el) return document.activeElement ? document.activeElement.tagName.toLowerCase() : null;
        return el.tagName.toLowerCase() + (el.className ? '.' + el.className.split(' ').join('.') : '')
          + (el.dataset.replyId ? '#' + el.dataset.replyId : '');""");
  }
}
