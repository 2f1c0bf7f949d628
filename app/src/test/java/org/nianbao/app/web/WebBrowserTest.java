package org.nianbao.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.app.Main;
import org.nianbao.archive.Capture;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A journalist's path through the site in a real browser (Debian's chromium + chromedriver, headless) against
 * {@code nianbao serve} started as a user starts it, on a random port. Screenshots of every page land in
 * {@code app/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebTestData.Built built;
    private Process serve;
    private String base;
    private ChromeDriver driver;
    private Path downloads;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                    "chromium or chromedriver missing (apt-get install chromium chromium-driver); the browser test runs whenever CI=true");
        }
        built = WebTestData.build(Files.createDirectories(tmp.resolve("data")));
        serve = startServe(built.data(), tmp);
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        Files.createDirectories(SCREENSHOTS);

        // No Selenium Manager: both paths are given, and it is told to stay offline.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--no-default-browser-check",
                "--disable-sync", "--lang=zh-CN", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chrome-profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** {@code nianbao serve --port 0 --data DIR} in a child JVM; the port comes from its first line. */
    private Process startServe(Path data, Path tmp) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--data", data.toString()));
        Process p = new ProcessBuilder(command).redirectError(tmp.resolve("serve.stderr").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)/search").matcher(line == null ? "" : line);
        assertThat(m.find()).as("serve's first line: %s; stderr: %s", line, Files.readString(tmp.resolve("serve.stderr"))).isTrue();
        base = m.group(1);
        return p;
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) driver.quit();
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void searchDrillIntoARegionAndReadATableCellAsTheTruthHasIt() throws Exception {
        driver.get(base + "/search");
        driver.findElement(By.id("q")).sendKeys("政府信息公开");
        driver.findElement(By.id("go")).click();
        assertThat(driver.findElement(By.cssSelector("#total strong")).getText()).isEqualTo("5");
        driver.findElement(By.cssSelector("#syntax summary")).click();
        assertThat(driver.findElement(By.cssSelector("#syntax table")).isDisplayed()).isTrue();
        screenshot("1-search");

        facet("region", "宁夏回族自治区").click();
        assertThat(facet("region", "宁夏回族自治区/固原市").findElement(By.xpath("following-sibling::span")).getText()).isEqualTo("1");
        facet("region", "宁夏回族自治区/固原市").click();
        assertThat(driver.findElement(By.cssSelector("#total strong")).getText()).isEqualTo("1");
        // drill-sideways: the other cities are still offered, with their counts
        assertThat(driver.findElements(By.cssSelector("section.facet[data-dim=region] li.depth2 a"))).hasSizeGreaterThan(1);
        screenshot("2-search-drilled");

        driver.findElement(By.cssSelector("#hits a.report-link")).click();
        JsonNode truth = new ObjectMapper().readTree(WebTestData.corpus().resolve("truth/001_d3dbc75fcf03ce83.json").toFile());
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo(truth.get("title").asText());
        List<WebElement> granted = driver.findElements(By.cssSelector("#table3 tr[data-row='予以公开'] td"));
        assertThat(granted.get(6).getText()).isEqualTo(truth.get("table3").get("予以公开").get(6).asText());
        assertThat(granted.get(0).getText()).isEqualTo(truth.get("table3").get("予以公开").get(0).asText());
        screenshot("3-report");
    }

    @Test
    @Order(2)
    void downloadAnOriginalWhoseBytesHashAsTheArchiveSays() throws Exception {
        Capture pdf = built.captures().get("wuzhong-pdf");
        driver.get(base + "/reports/" + WebTestData.enc("吴忠市人民政府办公室") + "/2020");
        assertThat(driver.findElement(By.id("failed-checks")).getText()).contains("19");
        assertThat(driver.findElements(By.cssSelector(".version-diff table.diff ins"))).isNotEmpty();
        screenshot("4-report-changed");

        WebElement link = driver.findElement(By.cssSelector("#originals a.download[data-sha256='" + pdf.sha256() + "']"));
        String shownSha = link.findElement(By.xpath("ancestor::tr")).findElement(By.cssSelector("code.sha256")).getText();
        assertThat(shownSha).isEqualTo(pdf.sha256());
        link.click();
        Path file = downloads.resolve(WebTestData.WUZHONG_PDF_NAME);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(WebTestData.WUZHONG_PDF_NAME + ".crdownload")));
        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(pdf.sha256());
    }

    @Test
    @Order(3)
    void statisticsOfTheCurrentSearchAreDrawn() throws Exception {
        driver.get(base + "/search?q=" + WebTestData.enc("政府信息公开"));
        driver.findElement(By.id("stats")).click();
        assertThat(driver.getCurrentUrl()).contains("/stats?q=");
        assertThat(driver.findElement(By.cssSelector("#total strong")).getText()).isEqualTo("5");
        for (String chart : List.of("chart-years", "chart-outcomes", "chart-regions")) {
            WebElement svg = driver.findElement(By.id(chart));
            assertThat(svg.isDisplayed()).as(chart).isTrue();
            assertThat(svg.getSize().getHeight()).as(chart).isGreaterThan(100);
        }
        assertThat(driver.findElements(By.cssSelector("#chart-years rect"))).hasSize(2);
        screenshot("5-stats");
    }

    @Test
    @Order(4)
    void crawlStatusListsTheLastRun() throws Exception {
        driver.get(base + "/crawl");
        assertThat(driver.findElement(By.cssSelector("#runs tbody tr")).getText()).contains("www.sim-yinchuan.gov.cn");
        screenshot("6-crawl");
    }

    @Test
    @Order(5)
    void aReportCarryingAScriptShowsItAsTextAndRunsNothing() throws Exception {
        driver.get(base + "/search?q=" + WebTestData.enc("alert"));
        assertThat(driver.findElement(By.cssSelector("#hits .snippet")).getText()).contains("alert(1)");
        driver.findElement(By.cssSelector("#hits a.report-link")).click();
        assertThat(driver.findElement(By.id("fulltext")).getText()).contains(WebTestData.HOSTILE_TEXT);
        assertThat(driver.findElements(By.tagName("script"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        screenshot("7-hostile-report");
    }

    @Test
    @Order(6)
    void theInterfaceSwitchesToEnglishAndBack() throws Exception {
        driver.get(base + "/search?q=" + WebTestData.enc("行政复议"));
        driver.findElement(By.cssSelector("header .lang")).click();
        assertThat(driver.findElement(By.cssSelector("header nav a.active")).getText()).isEqualTo("Search");
        assertThat(driver.getCurrentUrl()).contains("/search?q=");
        screenshot("8-search-english");
        driver.findElement(By.cssSelector("header .lang")).click();
        assertThat(driver.findElement(By.cssSelector("header nav a.active")).getText()).isEqualTo("检索");
    }

    private WebElement facet(String dim, String value) {
        return driver.findElement(By.cssSelector("section.facet[data-dim='" + dim + "'] a[data-value='" + value + "']"));
    }

    /** The whole page: the window grows to the document's height for the shot. */
    private void screenshot(String name) throws Exception {
        Dimension before = driver.manage().window().getSize();
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        int h = height instanceof Number n ? Math.min(6000, Math.max(800, n.intValue())) : 1600;
        driver.manage().window().setSize(new Dimension(1280, h));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
