package io.moeen.testing;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One real headless Chromium driven through Debian's chromium-driver (named explicitly: Selenium downloads
 * nothing). Skipped without Chromium on a developer's machine, a failure under CI ({@link HeadlessBrowser}).
 * Start one per test class and share it: a browser start costs about a second.
 */
public final class WebBrowser implements AutoCloseable {
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final List<LogEntry> console = new ArrayList<>();

  private WebBrowser(ChromeDriver driver) {
    this.driver = driver;
  }

  public static WebBrowser start(int width, int height) {
    Path chromium = HeadlessBrowser.require();
    if (!Files.isExecutable(DRIVER) && System.getenv("CI") != null) {
      throw new IllegalStateException("chromium-driver is required under CI; .ci/run installs the Debian package");
    }
    assumeTrue(Files.isExecutable(DRIVER), "chromium-driver is not installed; install the Debian package 'chromium-driver'");
    ChromeOptions options = new ChromeOptions()
        .setBinary(chromium.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            "--window-size=" + width + "," + height, "--force-device-scale-factor=1", "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new WebBrowser(new ChromeDriver(service, options));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  @SuppressWarnings("unchecked")
  public <T> T script(String js, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Waits up to {@code seconds} for {@code condition} to give something other than null or false. */
  public <T> T await(int seconds, String what, Function<WebBrowser, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .withMessage(what)
        .pollingEvery(Duration.ofMillis(100))
        // a screen redrawn by a live stream between finding an element and using it: look again
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          T value = condition.apply(this);
          return Boolean.FALSE.equals(value) ? null : value;
        });
  }

  /** The page's console since the last call, kept for {@link #consoleSoFar()}. */
  public List<LogEntry> consoleSoFar() {
    console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    return List.copyOf(console);
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** A PNG of the viewport under target/screenshots/, for a person to look at. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = SCREENSHOTS.resolve(name + ".png");
      Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * axe-core's violations on the page (shadow roots included) at {@code serious} or {@code critical} impact,
   * each as "rule: help (targets)". axe.min.js comes from the test classpath and is injected by the driver,
   * which the page's Content-Security-Policy does not govern.
   */
  public List<String> seriousAccessibilityViolations() {
    consoleSoFar(); // what the page said before axe: kept; what axe itself makes the browser say: not the page's
    if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
      script(axeSource());
    }
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ': ' + v.help + ' ' + JSON.stringify(v.nodes.map(n => n.target)))))"
            + ".catch(e => done(['axe failed: ' + e]));");
    driver.manage().logs().get(LogType.BROWSER);
    List<String> found = new ArrayList<>();
    if (result instanceof List<?> list) {
      list.forEach(v -> found.add(String.valueOf(v)));
    }
    return found;
  }

  private static String axeSource() {
    try (InputStream in = WebBrowser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Clears what a site keeps in the browser (the widget's session among it). */
  public void forgetSite() {
    script("window.localStorage.clear()");
  }

  public Map<String, Object> cdp(String command, Map<String, Object> params) {
    return driver.executeCdpCommand(command, params);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
