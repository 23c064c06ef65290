package org.onewindow.harvester.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver (packages chromium and chromium-driver, which .ci/run
 * installs), and axe-core (shipped as a test resource, never fetched) checking the page it shows.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final String AXE = axeSource();

    final ChromeDriver driver;
    private final Path profile;

    Browser() throws IOException {
        assertThat(CHROMIUM)
                .as("Chromium for the console's browser tests: apt-get install chromium chromium-driver")
                .exists();
        assertThat(CHROMEDRIVER)
                .as("ChromeDriver: apt-get install chromium-driver")
                .exists();
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // this machine has no outside network: Chromium's own background connections are turned off
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * Clicks what loads another page (a link, a form's button) and waits until that page has replaced this one: a
     * click returns before the navigation it starts has ended.
     */
    void follow(WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(page -> gone(element));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(page ->
                        "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
    }

    /**
     * Whether the element left the page: stale, or (while the next page replaces this one) a node Chromium no longer
     * finds in the document.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException leftThePage) {
            return true;
        }
    }

    /** Saves what the browser shows now as {@code target/console-screenshots/<name>.png} (for the module README). */
    void screenshot(String name) throws IOException {
        Path directory = Path.of("target", "console-screenshots");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** What axe-core finds on the page shown now, of serious or critical impact: "rule (impact): target, …". */
    List<String> seriousAccessibilityViolations() throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript(AXE);
        Object answer = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done('axe failed: ' + e));");
        assertThat(answer).asString().doesNotStartWith("axe failed");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : new ObjectMapper().readTree((String) answer)) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation
                        .path("nodes")
                        .forEach(node -> targets.add(node.path("target").toString()));
                serious.add(violation.path("id").asText() + " (" + impact + "): " + String.join(", ", targets));
            }
        }
        return serious;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
