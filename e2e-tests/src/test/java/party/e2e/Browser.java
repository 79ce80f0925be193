package party.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import party.local.LocalKeycloak;

/**
 * Debian's headless chromium, driven through its chromedriver: as a phone (390 × 844 and a phone's user agent) or
 * at a desk (1440 × 900). Screenshots go to {@code target/screenshots} and stay there as the test's artifacts.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0 Mobile Safari/537.36";

    private final ChromeDriver driver;
    private final Path profile;

    /** A phone, for the phone pages. */
    static Browser phone() {
        Browser browser = new Browser("--window-size=500,900", "--user-agent=" + PHONE);
        // a phone's screen (headless windows are at least 500 wide; chromedriver's mobileEmulation misplaces taps
        // below the first screen, this override does not)
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        return browser;
    }

    /** A desk's screen, for the console. */
    static Browser desk() {
        return new Browser("--window-size=1440,900");
    }

    private Browser(String... screen) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile).addArguments(screen);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // for what a failed test reports
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Opens the unit leader's page and signs in as {@code user} on Keycloak's own login page (authorization code
     * with PKCE), back on the page with its tabs shown.
     */
    void signIn(String gatewayUrl, String user) {
        open(gatewayUrl + "/m");
        await().atMost(Duration.ofSeconds(20)).until(() -> shows("#login"));
        one("#login").click();
        signInOnKeycloak(user);
    }

    /** Keycloak's login page, in 简体中文 under the platform's name: the user's name and password, then 登录. */
    void signInOnKeycloak(String user) {
        await().atMost(Duration.ofSeconds(20)).until(() -> shows("#kc-login"));
        one("#username").sendKeys(user);
        one("#password").sendKeys(LocalKeycloak.demoPassword(user));
        one("#kc-login").click();
    }

    /** What a script run in the page hands to its callback ({@code arguments[0]}), e.g. a module's rendering. */
    Object script(String asyncScript) {
        return driver.executeAsyncScript(asyncScript);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Whether an element matching the selector is on the page and shown. */
    boolean shows(String css) {
        return all(css).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Whether an element matching the selector is shown and its text contains {@code text}. */
    boolean showsText(String css, String text) {
        return all(css).stream().anyMatch(element -> element.isDisplayed() && element.getText().contains(text));
    }

    /** Scrolls back to the page's top, for a screenshot of what a person sees first. */
    void top() {
        driver.executeScript("window.scrollTo(0, 0)");
    }

    /** Clicks the shown button whose text is {@code text}. */
    void press(String text) {
        all("button").stream().filter(button -> button.isDisplayed() && button.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " on " + currentUrl())).click();
    }

    /** Answers the console's question before an irreversible step (its dialog must ask it): 确定 or 取消. */
    void answer(String question, boolean yes) {
        waitFor("the question " + question, () -> showsText("dialog.confirm[open]", question));
        one("dialog.confirm[open] button[value=" + (yes ? "yes" : "no") + "]").click();
        waitFor("the dialog closed", () -> all("dialog.confirm").isEmpty());
    }

    /** What the page wrote to its console (errors above all), for a failed test to report. */
    String consoleLog() {
        return driver.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * Waits for the condition; when it does not come, fails with what the page says, its console and a screenshot
     * named {@code failed-<name>}.
     */
    void waitFor(String name, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            screenshot("failed-" + name);
            throw new AssertionError("waited 30 s for " + name + " at " + currentUrl() + "; the page shows:\n"
                    + one("body").getText() + "\nits console:\n" + consoleLog(), e);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
