package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.view.ViewClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium, driven through its chromedriver) against the running
 * stack: the leaderboard shows the view's top entity, a click opens its chart and latest articles, and a screenshot is
 * saved to {@code target/dashboard.png}. Skipped where Chromium is not installed ({@code .ci/run} installs it).
 */
@ExtendWith(EmbeddedStackExtension.class)
class DashboardIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String COMPANY = "Zorbel Quantics";
  private static final String HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> Zorbel Quantics";

  /** The table is redrawn every few seconds: retry a click that lands on a row just replaced. */
  private static void clickFirstRow(WebDriverWait wait) {
    wait.until(
        d -> {
          try {
            d.findElement(By.cssSelector("#leaderboard tbody tr")).click();
            return true;
          } catch (StaleElementReferenceException replaced) {
            return false;
          }
        });
  }

  @Test
  void leaderboardShowsTheTopEntityAndAClickOpensItsSeries(LocalStack stack) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Debian's chromium and chromium-driver packages");
    PipelineScenario.samplesOnce(PipelineScenario.Endpoints.of(stack));
    // Article titles are untrusted text: this one must show as text, never run. It names a company no other test
    // does (found by the company-suffix rule), so it is that entity's only article whatever else the stack holds.
    PipelineScenario.dropRecords(
        PipelineScenario.Endpoints.of(stack),
        List.of(("{\"title\": \"" + HOSTILE_TITLE.replace("\"", "\\\"") + "\", \"published_at\": \"2026-10-16T08:00:00Z\","
                + " \"url\": \"javascript:window.__pwned=3\", \"body\": \"" + COMPANY + " GmbH announced a new cluster tool for Kubernetes users.\"}")
            .getBytes(StandardCharsets.UTF_8)));
    ViewClient view = new ViewClient(stack.settings().viewUrl());
    JsonNode expected = view.trends("24h", 20).path("trends").get(0);
    JsonNode allTimeTop = view.trends("all", 1).path("trends").get(0);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900",
        "--user-data-dir=" + Files.createTempDirectory("trendmill-chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      browser.get(stack.settings().viewUrl() + "/");
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

      assertThat(browser.findElements(By.cssSelector("#leaderboard tbody tr"))).isNotEmpty();
      assertThat(browser.executeScript("return document.querySelector('#leaderboard tbody tr').dataset.entity")).isEqualTo(expected.path("id").asText());
      assertThat(browser.executeScript("return document.querySelector('#leaderboard tbody tr .name').textContent")).isEqualTo(expected.path("name").asText());
      assertThat(browser.findElement(By.cssSelector("#horizons button[aria-selected='true']")).getText()).isEqualTo("24h");
      wait.until(d -> !d.findElements(By.cssSelector("#leaderboard tbody tr:first-child svg polyline")).isEmpty());

      clickFirstRow(wait);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
      wait.until(ExpectedConditions.textToBe(By.id("detail-name"), expected.path("name").asText()));
      wait.until(d -> !d.findElements(By.cssSelector("#articles li")).isEmpty());
      assertThat(browser.findElements(By.cssSelector("#detail-horizons .chip"))).hasSize(3);

      // The all-time tab ranks by count.
      browser.findElement(By.cssSelector("#horizons button[data-horizon='all']")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-title"), "all time"));
      wait.until(d -> allTimeTop.path("id").asText().equals(d.findElement(By.cssSelector("#leaderboard tbody tr")).getAttribute("data-entity")));

      // Search finds the company; its panel lists the hostile article's title as text, and nothing of it runs.
      browser.findElement(By.id("search")).sendKeys(COMPANY.split(" ")[1]);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits li")));
      wait.until(
          d -> {
            try {
              d.findElement(By.cssSelector("#hits li")).click();
              return true;
            } catch (StaleElementReferenceException replaced) {
              return false;
            }
          });
      wait.until(ExpectedConditions.textToBe(By.id("detail-name"), COMPANY));
      // The panel redraws every few seconds: read it in one script call, not element by element.
      wait.until(d -> String.valueOf(browser.executeScript("return (document.querySelector('#articles li') || {}).textContent || ''")).startsWith(HOSTILE_TITLE));
      assertThat(browser.executeScript("return document.querySelectorAll('#articles li:first-child a').length")).as("a javascript: URL is not made a link").isEqualTo(0L);
      assertThat(browser.findElements(By.cssSelector("#articles img, #articles script"))).isEmpty();
      assertThat(browser.executeScript("return window.__pwned === undefined")).isEqualTo(true);

      Path screenshot = Path.of("target", "dashboard.png");
      Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    } finally {
      browser.quit();
    }
  }
}
