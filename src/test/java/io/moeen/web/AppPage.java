package io.moeen.web;

import io.moeen.testing.WebBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The patient portal or the staff console in the browser, as a person uses it: by labels, clicks and keys. */
final class AppPage {
  private final WebBrowser browser;
  private final String base;

  AppPage(WebBrowser browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  WebBrowser browser() {
    return browser;
  }

  /** Opens a page with an empty tab state (no sign-in kept) and waits for its first view. */
  void openFresh(String path) {
    browser.open(base + path);
    browser.script("window.sessionStorage.clear(); window.localStorage.clear()");
    browser.open(base + path);
    settled();
  }

  /** Waits until the shell drew something and no screen is loading. */
  void settled() {
    try {
      browser.await(15, "the page settled", b -> b.<Boolean>script(
          "const app = document.getElementById('app'); return !!app && !app.hasAttribute('aria-busy')"
              + " && !document.querySelector('[aria-busy=\"true\"]') && !!document.querySelector('main h1')"));
    } catch (RuntimeException e) {
      throw new AssertionError("the page did not settle; its console: " + browser.consoleSoFar(), e);
    }
  }

  void signIn(String identifier, String password) {
    WebElement id = find("input[name=identifier]");
    id.clear();
    id.sendKeys(identifier);
    WebElement pw = find("input[name=password]");
    pw.clear();
    pw.sendKeys(password, Keys.ENTER);
  }

  WebElement find(String css) {
    return browser.await(10, css, b -> {
      List<WebElement> found = b.driver().findElements(By.cssSelector(css));
      return found.isEmpty() ? null : found.get(0);
    });
  }

  List<WebElement> all(String css) {
    return browser.driver().findElements(By.cssSelector(css));
  }

  String heading() {
    settled();
    return browser.script("return document.querySelector('main h1').innerText");
  }

  /** Waits for the main heading to read {@code text}. */
  void awaitHeading(String text) {
    try {
      browser.await(15, "heading '" + text + "'", b -> b.<Boolean>script(
          "const h = document.querySelector('main h1'); return !!h && h.textContent.includes(arguments[0])"
              + " && !document.querySelector('[aria-busy=\"true\"]')", text));
    } catch (RuntimeException e) {
      throw new AssertionError("no heading '" + text + "' but '" + browser.script("return document.querySelector('main h1')?.textContent")
          + "'; the console: " + browser.consoleSoFar(), e);
    }
  }

  void nav(String screen) {
    find("header nav a[data-screen='" + screen + "']").click();
    browser.await(15, "screen " + screen, b -> b.<Boolean>script(
        "const s = document.querySelector('section.screen'); return !!s && s.dataset.screen === arguments[0] && !s.hasAttribute('aria-busy')",
        screen));
  }

  List<String> navScreens() {
    return all("header nav a").stream().map(a -> a.getAttribute("data-screen")).toList();
  }

  /** Clicks the button (or link) whose text contains {@code text}, within {@code css}. */
  void click(String css, String text) {
    browser.await(10, "a '" + text + "' in " + css, b -> {
      for (WebElement e : b.driver().findElements(By.cssSelector(css))) {
        if (e.getText().contains(text) && e.isDisplayed() && e.isEnabled()) {
          e.click();
          return true;
        }
      }
      return false;
    });
  }

  /** The text of the first element matching {@code css}, read in the page (no stale references), or "". */
  String textOf(String css) {
    return browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css);
  }

  /** The class attribute of the first element matching {@code css}, or "". */
  String classOf(String css) {
    return browser.script("const e = document.querySelector(arguments[0]); return e ? e.className : ''", css);
  }

  String dir() {
    return browser.script("return document.documentElement.dir");
  }

  String lang() {
    return browser.script("return document.documentElement.lang");
  }

  String alert() {
    return find("[role=alert]:not([hidden])").getText();
  }

  String refreshToken() {
    String raw = browser.script("return window.sessionStorage.getItem('moeen-auth')");
    return raw == null ? null : new io.vertx.core.json.JsonObject(raw).getString("refreshToken");
  }

  /** Desktop and phone screenshots of the current view. */
  void screenshots(String name) {
    browser.screenshot(name + "-desktop");
    browser.resize(390, 844);
    browser.screenshot(name + "-phone");
    browser.resize(1280, 900);
  }

  /** RFC 6238 code for the 30-second step {@code offset} steps from now. */
  static String totp(String base32Secret, int offset) {
    return io.moeen.testing.Totp.code(base32Secret, offset);
  }
}
