package org.onewindow.harvester.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.onewindow.harvester.TestMappings.mohwWelfareAs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.harvester.store.DeadLetter;
import org.onewindow.harvester.store.OutboxEntry;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in a real headless Chromium, checked by axe-core on every page (populated), and its session
 * rules over plain HTTP: sign-in, health at a glance, an agency's scope, escaping, cookies, CSRF, sign-out.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class ConsoleTest {

    /** An agency of this test alone, whose agency name is hostile markup. */
    private static final String HOSTILE_AGENCY = "9990007";

    private static final String HOSTILE_NAME =
            "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
    private static final String HOSTILE_SOURCE = "console-hostile";
    /** A source of this test whose listing is gone: every run fails. */
    private static final String FAILING_SOURCE = "console-failing";

    /** A source of this test whose run takes a while (a delay between requests) and whose records never validate. */
    private static final String WATCHED_SOURCE = "console-watched";

    /** A source of this test whose second run changes enough of it to be held for review. */
    private static final String REVIEWED_SOURCE = "console-review";

    /** An agency of this test alone that onboards a source in the console, and that source. */
    private static final String ONBOARDING_AGENCY = "9990011";

    private static final String ONBOARDED_SOURCE = "console-onboarded";

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void theSiteIsItselfAgain() {
        AgencySiteDouble.removeTestStubs();
    }

    @BeforeAll
    static void openTheBrowser() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() throws Exception {
        browser.close();
    }

    @BeforeEach
    void theCatalogueHasRunsAndATestSourceOrTwo() throws Exception {
        AgencySiteDouble.harvestedWholeOnceFor(ConsoleTest.class);
        if (OperatorCalls.operator().get("/api/v1/sources/{id}", HOSTILE_SOURCE).statusCode() == 404) {
            create(mohwWelfareAs(HOSTILE_SOURCE, "0 0 3 * * ?")
                    .replace("code: \"1352000\"", "code: \"" + HOSTILE_AGENCY + "\"")
                    .replace("name: 보건복지부", "name: '" + HOSTILE_NAME.replace("'", "''") + "'"));
            create(mohwWelfareAs(FAILING_SOURCE, "0 0 3 * * ?")
                    .replace("code: \"1352000\"", "code: \"9990008\"")
                    .replace("list.do", "gone-list.do"));
            for (int run = 0; run < 3; run++) {
                assertThat(OperatorCalls.runToEnd(FAILING_SOURCE).getString("status"))
                        .isEqualTo("failed");
            }
        }
    }

    private static void create(String mapping) {
        OperatorCalls.operator()
                .contentType("application/yaml")
                .body(mapping.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        String id = mapping.lines()
                .filter(line -> line.startsWith("id: "))
                .findFirst()
                .orElseThrow()
                .substring(4);
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true}")
                .put("/api/v1/sources/{id}/settings", id)
                .then()
                .statusCode(200);
    }

    private void signInWith(String key) {
        // WebDriver deletes the cookies the page shown can see: the session's has Path=/console
        browser.driver.get(root + "console/sign-in");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(root + "console");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
        browser.driver.findElement(By.id("key")).sendKeys(key);
        browser.follow(browser.driver.findElement(By.cssSelector("form.sign-in button")));
    }

    private static List<String> shownSourceIds() {
        return browser.driver.findElements(By.cssSelector("tbody .source-id")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void anOperatorSignsInAndFindsTheRedSourceFirstWithWhy() throws Exception {
        browser.driver.get(root + "console/sign-in");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(root + "console");
        assertThat(browser.seriousAccessibilityViolations())
                .as("the sign-in page")
                .isEmpty();
        browser.screenshot("sign-in");

        signInWith(LocalServicesTestResource.OPERATOR_KEY);

        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sources");
        assertThat(shownSourceIds()).contains("mohw-welfare", FAILING_SOURCE, HOSTILE_SOURCE);
        assertThat(shownSourceIds().get(0)).as("red sources first").isEqualTo(FAILING_SOURCE);
        WebElement failing = browser.driver.findElement(By.cssSelector("tbody tr.state-red"));
        assertThat(failing.getText()).contains("최근 3회 실행이 실패 또는 부분 완료");
        assertThat(browser.seriousAccessibilityViolations())
                .as("the sources page, populated")
                .isEmpty();
        browser.screenshot("sources");
        browser.driver.manage().window().setSize(new Dimension(390, 844)); // a phone
        assertThat(browser.seriousAccessibilityViolations())
                .as("the sources page on a phone's width")
                .isEmpty();
        browser.driver.manage().window().setSize(new Dimension(1280, 900));

        new Select(browser.driver.findElement(By.id("state"))).selectByValue("green");
        browser.follow(browser.driver.findElement(By.cssSelector("form.filters button")));
        assertThat(shownSourceIds()).contains("mohw-welfare").doesNotContain(FAILING_SOURCE);

        browser.follow(browser.driver.findElement(By.cssSelector("a[hreflang='en']")));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sources");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("en");
        browser.follow(browser.driver.findElement(By.cssSelector("a[hreflang='ko']")));
    }

    @Test
    void aHostileAgencyNameIsShownAsTextAndNeverRuns() {
        signInWith(LocalServicesTestResource.OPERATOR_KEY);

        WebElement row = browser.driver.findElements(By.cssSelector("tbody tr")).stream()
                .filter(tr -> tr.getText().contains(HOSTILE_SOURCE))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no row of " + HOSTILE_SOURCE + " in " + browser.driver.getPageSource()));
        assertThat(row.findElement(By.cssSelector(".agency")).getText()).contains(HOSTILE_NAME);
        assertThat(row.findElements(By.tagName("img"))).isEmpty();
        assertThat(row.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.driver.getTitle()).doesNotContain("pwned");
    }

    @Test
    void anAgencySeesItsOwnSourcesOnly() {
        String key = OperatorCalls.issueAgencyKey("console test agency", HOSTILE_AGENCY);

        signInWith(key);

        assertThat(shownSourceIds())
                .as(() -> browser.driver.getCurrentUrl() + "\n" + browser.driver.getPageSource())
                .containsExactly(HOSTILE_SOURCE);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndEveryChangeNeedsTheSessionsToken() {
        Response signedIn = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("key", LocalServicesTestResource.OPERATOR_KEY)
                .post("/console/sign-in");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String setCookie = signedIn.getHeader("Set-Cookie");
        assertThat(setCookie)
                .startsWith(ConsoleFilter.SESSION_COOKIE + "=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/console")
                .as("served over http here: a Secure cookie would never come back")
                .doesNotContainIgnoringCase("Secure");
        String session = signedIn.getCookie(ConsoleFilter.SESSION_COOKIE);

        given().cookie(ConsoleFilter.SESSION_COOKIE, session)
                .get("/console/sources")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Cache-Control", "no-store");
        given().redirects()
                .follow(false)
                .cookie(ConsoleFilter.SESSION_COOKIE, session)
                .contentType("application/x-www-form-urlencoded")
                .post("/console/sign-out")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .cookie(ConsoleFilter.SESSION_COOKIE, session)
                .header("Origin", "https://attacker.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "whatever")
                .post("/console/sign-out")
                .then()
                .statusCode(403);
        given().cookie(ConsoleFilter.SESSION_COOKIE, session)
                .get("/console/sources")
                .then()
                .statusCode(200)
                .body(containsString("mohw-welfare"));
    }

    @Test
    void theStylesheetAndTheRunPagesScriptAreServedAsFiles() {
        given().get("/console/console.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/console/console.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void behindAProxyEndingTlsTheCookieIsSecureAndTheForwardedHostIsThisOrigin() {
        Response signedIn = given().redirects()
                .follow(false)
                .header("Origin", "https://console.example")
                .header("X-Forwarded-Host", "console.example")
                .header("X-Forwarded-Proto", "https")
                .contentType("application/x-www-form-urlencoded")
                .formParam("key", LocalServicesTestResource.OPERATOR_KEY)
                .post("/console/sign-in");

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.getHeader("Set-Cookie")).containsIgnoringCase("Secure");
        given().redirects()
                .follow(false)
                .header("Origin", "https://elsewhere.example")
                .header("X-Forwarded-Host", "console.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("key", LocalServicesTestResource.OPERATOR_KEY)
                .post("/console/sign-in")
                .then()
                .statusCode(403);
    }

    @Test
    void aVisitorWithoutSessionSeesNothingPrivileged() {
        for (String page : List.of("/console/sources", "/console")) {
            Response answer = given().redirects().follow(false).get(page);
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.getHeader("Location")).endsWith("/console/sign-in");
            assertThat(answer.asString()).doesNotContain("mohw-welfare");
        }
        given().redirects()
                .follow(false)
                .cookie(ConsoleFilter.SESSION_COOKIE, "made-up")
                .get("/console/sources")
                .then()
                .statusCode(303);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("key", "owk_not-a-key")
                .post("/console/sign-in")
                .then()
                .statusCode(401)
                .body(containsString("role=\"alert\""))
                .body(not(containsString("mohw-welfare")));
    }

    @Test
    void aSessionEndsWithItsKeyAndWithSignOut() {
        String key = OperatorCalls.issueAgencyKey("console revoked", HOSTILE_AGENCY);
        String session = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("key", key)
                .post("/console/sign-in")
                .getCookie(ConsoleFilter.SESSION_COOKIE);
        given().cookie(ConsoleFilter.SESSION_COOKIE, session)
                .get("/console/sources")
                .then()
                .statusCode(200);
        long keyId = OperatorCalls.operator()
                .get("/api/v1/keys")
                .jsonPath()
                .getLong("find { it.name == 'console revoked' }.id");

        OperatorCalls.operator().delete("/api/v1/keys/{id}", keyId).then().statusCode(200);

        given().redirects()
                .follow(false)
                .cookie(ConsoleFilter.SESSION_COOKIE, session)
                .get("/console/sources")
                .then()
                .statusCode(303);

        signInWith(LocalServicesTestResource.OPERATOR_KEY);
        browser.follow(browser.driver.findElement(By.cssSelector("header form button")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
        browser.driver.get(root + "console/sources");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
    }

    private String field(String name) {
        return browser.driver
                .findElement(By.cssSelector("[data-field='" + name + "']"))
                .getText();
    }

    @Test
    void anOperatorWatchesARunFinishWithoutReloadingThenOpensItsErrors() throws Exception {
        if (OperatorCalls.operator().get("/api/v1/sources/{id}", WATCHED_SOURCE).statusCode() == 404) {
            create(mohwWelfareAs(WATCHED_SOURCE, "0 0 3 * * ?")
                    .replace("code: \"1352000\"", "code: \"9990009\"")
                    .replace("delayMillis: 0", "delayMillis: 150")
                    .replace("  name: title", "  name: no-such-field"));
        }
        signInWith(LocalServicesTestResource.OPERATOR_KEY);
        browser.driver.get(root + "console/sources/" + WATCHED_SOURCE);
        browser.follow(browser.driver.findElement(By.cssSelector("form.run-now button")));
        String runPage = browser.driver.getCurrentUrl();
        assertThat(runPage).as("run now: the new run's page").matches(".*/console/runs/\\d+$");
        long runId = Long.parseLong(runPage.substring(runPage.lastIndexOf('/') + 1));
        assertThat(OperatorCalls.run(runId).getString("requestedBy")).isEqualTo("operator");
        assertThat(browser.driver
                        .findElement(By.cssSelector("[data-progress-url]"))
                        .getAttribute("data-status"))
                .isEqualTo("running");
        assertThat(browser.seriousAccessibilityViolations())
                .as("a running run's page")
                .isEmpty();
        browser.screenshot("run-running");
        browser.driver.executeScript("window.stillThisPage = true;");
        String doneAtFirst = field("done");
        // The page is reloaded while these waits read it: for a moment an element may be gone, stale or not there yet.
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> Boolean.TRUE.equals(browser.driver.executeScript("return window.stillThisPage === true;"))
                        && !field("done").equals(doneAtFirst));

        await().atMost(Duration.ofSeconds(120))
                .ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> "complete".equals(browser.driver.executeScript("return document.readyState;"))
                        && !"running"
                                .equals(browser.driver
                                        .findElement(By.cssSelector("[data-progress-url]"))
                                        .getAttribute("data-status")));
        assertThat(browser.driver.executeScript("return window.stillThisPage === true;"))
                .as("reloaded once the run ended")
                .isEqualTo(false);
        List<WebElement> errors = browser.driver.findElements(By.cssSelector("table.errors tbody tr"));
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).getText()).contains("name: missing");
        assertThat(browser.seriousAccessibilityViolations())
                .as("a finished run's page with errors")
                .isEmpty();
        browser.screenshot("run-errors");

        browser.follow(browser.driver.findElement(
                By.cssSelector(".crumbs a[href='/console/sources/" + WATCHED_SOURCE + "']")));
        assertThat(browser.driver.findElements(By.cssSelector("svg rect.bar"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.driver
                        .findElement(By.cssSelector("table tbody th a"))
                        .getText())
                .isEqualTo(Long.toString(runId));
        assertThat(browser.seriousAccessibilityViolations())
                .as("a source's page with its history")
                .isEmpty();
        browser.screenshot("source");
    }

    @Test
    void anAgencyOnboardsASourceFromTheDryRunsDiffThenSavesItAndItsNextVersion() throws Exception {
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"hosts\": [\"127.0.0.1\"]}")
                .queryParam("reason", "the agency's board (test double on loopback)")
                .put("/api/v1/agencies/{code}/hosts", ONBOARDING_AGENCY)
                .then()
                .statusCode(200);
        String key = OperatorCalls.issueAgencyKey("console onboarding", ONBOARDING_AGENCY);
        String mapping = mohwWelfareAs(ONBOARDED_SOURCE, "0 0 3 * * ?")
                .replace("code: \"1352000\"", "code: \"" + ONBOARDING_AGENCY + "\"");
        signInWith(key);
        browser.follow(browser.driver.findElement(By.cssSelector("nav a[href='/console/onboard']")));
        assertThat(browser.driver.findElement(By.id("mapping")).getAttribute("value"))
                .as("a new source starts from a file with the agency's own code")
                .contains("code: \"" + ONBOARDING_AGENCY + "\"");

        paste(mapping.replace("itemSelector:", "itemSelecter:"));
        browser.follow(browser.driver.findElement(By.cssSelector("button[value='dry-run']")));
        assertThat(browser.driver.findElement(By.cssSelector(".problem")).getText())
                .contains("did you mean 'itemSelector'")
                .contains("sources/" + ONBOARDED_SOURCE + ".yaml:");
        assertThat(browser.driver.findElement(By.id("mapping")).getAttribute("value"))
                .as("the file is kept for the next try")
                .contains("itemSelecter:");
        assertThat(browser.seriousAccessibilityViolations())
                .as("the onboarding page with a problem")
                .isEmpty();

        paste(mapping.replace("/portal/svc/view.do?menuNo=200123&svcId={id}", "/portal/svc/missing.do?svcId={id}"));
        browser.follow(browser.driver.findElement(By.cssSelector("button[value='dry-run']")));
        List<WebElement> failed = browser.driver.findElements(By.cssSelector("table.errors tbody tr"));
        assertThat(failed).as("each record page the site cannot serve").hasSize(10);
        assertThat(failed.get(0).findElements(By.tagName("td")))
                .extracting(WebElement::getText)
                .startsWith("fetch")
                .contains("HTTP 404");
        assertThat(browser.seriousAccessibilityViolations())
                .as("the onboarding page with a dry-run's errors")
                .isEmpty();

        paste(mapping);
        browser.follow(browser.driver.findElement(By.cssSelector("button[value='dry-run']")));
        assertThat(field("listed")).startsWith("64");
        assertThat(field("publishable")).startsWith("10 / 10");
        assertThat(field("would-add")).isEqualTo("10");
        assertThat(field("no-longer-listed"))
                .as(browser.driver.findElement(By.cssSelector(".dry-run")).getText())
                .startsWith("0");
        assertThat(browser.driver.findElements(By.cssSelector("table.tried tbody tr")))
                .hasSize(10);
        assertThat(OperatorCalls.operator()
                        .get("/api/v1/sources/{id}", ONBOARDED_SOURCE)
                        .statusCode())
                .as("a dry-run stores nothing")
                .isEqualTo(404);
        assertThat(browser.seriousAccessibilityViolations())
                .as("the onboarding page with a dry-run's diff")
                .isEmpty();
        browser.screenshot("onboard-dry-run");

        browser.driver.findElement(By.id("reason")).sendKeys("our welfare board, first mapping");
        browser.follow(browser.driver.findElement(By.cssSelector("button[value='save']")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sources/" + ONBOARDED_SOURCE);
        var versions = OperatorCalls.operator()
                .get("/api/v1/sources/{id}/versions", ONBOARDED_SOURCE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(versions.getList("changedBy", String.class))
                .singleElement()
                .asString()
                .startsWith("console onboarding (key ");
        assertThat(versions.getList("reason")).containsExactly("our welfare board, first mapping");

        browser.follow(browser.driver.findElement(
                By.cssSelector("a[href='/console/onboard?source=" + ONBOARDED_SOURCE + "']")));
        assertThat(browser.driver.findElement(By.id("mapping")).getAttribute("value"))
                .isEqualTo(mapping);
        paste(mapping.replace("delayMillis: 0", "delayMillis: 200"));
        browser.driver.findElement(By.id("reason")).sendKeys("slower, as our web team asked");
        browser.follow(browser.driver.findElement(By.cssSelector("button[value='save']")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sources/" + ONBOARDED_SOURCE);
        assertThat(OperatorCalls.operator()
                        .get("/api/v1/sources/{id}/versions", ONBOARDED_SOURCE)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("reason"))
                .containsExactly("our welfare board, first mapping", "slower, as our web team asked");
    }

    @Test
    void anAgencyCannotSaveAFileThatPublishesAsAnotherAgency() throws Exception {
        String key = OperatorCalls.issueAgencyKey("console onboarding elsewhere", ONBOARDING_AGENCY);
        signInWith(key);
        browser.driver.get(root + "console/onboard");
        paste(mohwWelfareAs("console-impersonating", "0 0 3 * * ?"));
        browser.follow(browser.driver.findElement(By.cssSelector("button[value='save']")));
        assertThat(browser.driver.findElement(By.cssSelector(".problem")).getText())
                .contains("agency.code is 1352000");
        assertThat(OperatorCalls.operator()
                        .get("/api/v1/sources/{id}", "console-impersonating")
                        .statusCode())
                .isEqualTo(404);
    }

    /** Puts a whole file into the mapping field, as a paste does. */
    private static void paste(String mapping) {
        WebElement field = browser.driver.findElement(By.id("mapping"));
        browser.driver.executeScript("arguments[0].value = arguments[1];", field, mapping);
    }

    @Test
    void anOperatorReviewsAHeldRunFieldByFieldAndApprovesItWithAReason() throws Exception {
        create(mohwWelfareAs(REVIEWED_SOURCE, "0 0 3 * * ?").replace("code: \"1352000\"", "code: \"9990010\""));
        OperatorCalls.operator()
                .contentType("application/json")
                .body("{\"allowPrivateNetworks\": true, \"reviewThreshold\": 0.05}")
                .put("/api/v1/sources/{id}/settings", REVIEWED_SOURCE)
                .then()
                .statusCode(200);
        assertThat(OperatorCalls.runToEnd(REVIEWED_SOURCE).getInt("counts.added"))
                .isEqualTo(64);
        List<DemoService> revised = DemoAgencySite.services().subList(0, 5);
        for (DemoService service : revised) {
            AgencySiteDouble.changeTitle(service, service.name() + " 개정판");
        }
        var held = OperatorCalls.runToEnd(REVIEWED_SOURCE);
        assertThat(held.getString("status")).isEqualTo("held");
        long heldId = held.getLong("id");

        signInWith(LocalServicesTestResource.OPERATOR_KEY);
        browser.driver.get(root + "console/runs/" + heldId);

        List<WebElement> changes = browser.driver.findElements(By.cssSelector("table.changes tbody tr"));
        assertThat(changes).hasSize(5);
        assertThat(changes.get(0)
                        .findElement(By.xpath(".//dt[text()='name']/following-sibling::dd[1]//ins"))
                        .getText())
                .endsWith("개정판");
        assertThat(browser.seriousAccessibilityViolations())
                .as("a held run's review")
                .isEmpty();
        browser.screenshot("review");

        // the browser asks for a reason (required); the server does too
        browser.driver.executeScript("document.getElementById('approve-reason').removeAttribute('required');");
        browser.follow(browser.driver.findElement(By.cssSelector("form.approve button")));
        assertThat(browser.driver.findElement(By.cssSelector("[role='alert']")).getText())
                .contains("사유");
        assertThat(OperatorCalls.run(heldId).getString("status")).isEqualTo("held");

        browser.driver.findElement(By.id("approve-reason")).sendKeys("기관에 확인함: 제목 개정");
        browser.follow(browser.driver.findElement(By.cssSelector("form.approve button")));

        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/runs/" + heldId);
        assertThat(browser.driver.findElement(By.cssSelector(".reason-given")).getText())
                .isEqualTo("기관에 확인함: 제목 개정");
        var reviewed = OperatorCalls.run(heldId);
        assertThat(reviewed.getString("status")).isEqualTo("succeeded");
        assertThat(reviewed.getString("reviewedBy")).isEqualTo("operator");
        assertThat(reviewed.getString("reviewReason")).isEqualTo("기관에 확인함: 제목 개정");
        assertThat(browser.driver.findElements(By.cssSelector("table.changes"))).isEmpty();

        browser.follow(browser.driver.findElement(By.cssSelector("a[hreflang='en']")));
        assertThat(browser.driver.getCurrentUrl())
                .as("the language changes on the page it was changed from")
                .endsWith("/console/runs/" + heldId);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Run " + heldId);
    }

    @Test
    void anOperatorSeesThePublishLagAndRetriesADeadLetterWhoseErrorIsShownAsText() throws Exception {
        String recordId = OperatorCalls.recordId(
                "mohw-welfare", DemoAgencySite.services().get(0).id());
        String hostileError = "<img src=x onerror=\"document.title='pwned'\"> mapper_parsing_exception";
        long letterId = QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter letter = new DeadLetter();
            letter.recordId = recordId;
            letter.revision = 1;
            letter.operation = OutboxEntry.Operation.INDEX;
            letter.error = hostileError;
            letter.createdAt = Instant.now();
            letter.persist();
            return letter.id;
        });
        try {
            retryADeadLetterFromThePublishingPage(recordId, hostileError, letterId);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> DeadLetter.delete("id", letterId));
        }
    }

    private void retryADeadLetterFromThePublishingPage(String recordId, String hostileError, long letterId)
            throws Exception {
        signInWith(LocalServicesTestResource.OPERATOR_KEY);

        browser.follow(browser.driver.findElement(By.cssSelector("nav a[href='/console/publishing']")));

        assertThat(browser.driver.findElements(By.cssSelector(".outbox-depth")))
                .as(() -> browser.driver.getPageSource())
                .isNotEmpty();
        assertThat(browser.driver.findElement(By.cssSelector(".outbox-depth")).getText())
                .matches("\\d+");
        WebElement letter = browser.driver.findElements(By.cssSelector("table.letters tbody tr")).stream()
                .filter(row -> row.getText().contains(recordId))
                .findFirst()
                .orElseThrow();
        assertThat(letter.findElement(By.cssSelector(".message")).getText()).isEqualTo(hostileError);
        assertThat(letter.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.driver.getTitle()).doesNotContain("pwned");
        assertThat(browser.seriousAccessibilityViolations())
                .as("publishing, with a dead letter")
                .isEmpty();
        browser.screenshot("publishing");

        browser.follow(letter.findElement(By.tagName("button")));

        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/publishing");
        assertThat(QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("id", letterId)))
                .as("retried: Elasticsearch took the record's current state")
                .isZero();
        assertThat(browser.driver.getPageSource()).doesNotContain(hostileError.substring(0, 10));
    }

    @Test
    void anOperatorIsToldOfARedSourceAndAnAgencyOnlyOfItsOwnSources() throws Exception {
        signInWith(LocalServicesTestResource.OPERATOR_KEY);
        browser.follow(browser.driver.findElement(By.cssSelector("nav a[href='/console/notifications']")));
        String failing = "table.notifications a[href='/console/sources/" + FAILING_SOURCE + "']";
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            browser.driver.navigate().refresh();
            return !browser.driver.findElements(By.cssSelector(failing)).isEmpty();
        });
        WebElement told = browser.driver.findElement(By.cssSelector(failing)).findElement(By.xpath("./ancestor::tr"));
        assertThat(told.getAttribute("class")).isEqualTo("event-source_red");
        assertThat(told.getText()).contains("보내지 않음");
        assertThat(browser.seriousAccessibilityViolations())
                .as("notifications, with a red source's")
                .isEmpty();
        browser.screenshot("notifications");

        signInWith(OperatorCalls.issueAgencyKey("console agency notifications", HOSTILE_AGENCY));
        browser.driver.get(root + "console/notifications");
        assertThat(browser.driver.findElements(By.cssSelector(failing)))
                .as("another agency's source")
                .isEmpty();
    }

    @Test
    void anAgencyHasNoPublishingPage() throws Exception {
        String key = OperatorCalls.issueAgencyKey("console agency publishing", HOSTILE_AGENCY);

        signInWith(key);

        assertThat(browser.driver.findElements(By.cssSelector("nav a[href='/console/publishing']")))
                .isEmpty();
        String session = browser.driver
                .manage()
                .getCookieNamed(ConsoleFilter.SESSION_COOKIE)
                .getValue();
        given().cookie(ConsoleFilter.SESSION_COOKIE, session)
                .get("/console/publishing")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("publishing is for operators"));

        browser.driver.get(root + "console/sources/" + FAILING_SOURCE);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("권한이 없습니다");
        assertThat(browser.driver.findElement(By.cssSelector("[role='alert']")).getText())
                .contains("belongs to agency 9990008");
        assertThat(browser.seriousAccessibilityViolations())
                .as("the page saying another agency's source is not this key's")
                .isEmpty();
    }

    @Test
    void aRedSourceIsRedInTheApiToo() {
        var health = OperatorCalls.operator()
                .get("/api/v1/sources/{id}", FAILING_SOURCE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(health.getString("health.state")).isEqualTo("red");
        assertThat(health.getList("health.reasons", String.class)).contains("its last 3 runs failed or ended partial");
        assertThat(OperatorCalls.operator()
                        .get("/api/v1/sources")
                        .jsonPath()
                        .getString("find { it.id == 'mohw-welfare' }.health.state"))
                .isEqualTo("green");
    }
}
