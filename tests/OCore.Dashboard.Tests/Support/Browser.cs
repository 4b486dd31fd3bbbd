using OCore.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace OCore.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Debian's chromedriver through Selenium WebDriver. Fails (never skips) when
/// they are missing. Saves a PNG of each screen to TestResults/screenshots.
/// </summary>
public sealed class Browser : IDisposable
{
    private const string InstallHint = "install them with 'apt-get install chromium chromium-driver' (scripts/install-test-deps.sh does it)";

    public static string ScreenshotDirectory { get; } = RepositoryRoot.Combine("TestResults", "screenshots");

    private Browser(ChromeDriver driver, Uri root)
    {
        Driver = driver;
        Root = root;
    }

    public ChromeDriver Driver { get; }

    public Uri Root { get; }

    public static Browser Start(Uri root, int width = 1280, int height = 1000)
    {
        var chromium = OCore.Testing.Cli.Find("chromium", "/usr/bin") ?? throw new InvalidOperationException($"chromium is not installed: {InstallHint}");
        var driverPath = OCore.Testing.Cli.Find("chromedriver", "/usr/bin") ?? throw new InvalidOperationException($"chromedriver is not installed: {InstallHint}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = chromium };
        // Headless; --no-sandbox because tests run as root here; loopback only, nothing to fetch from outside.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", $"--window-size={width},{height}",
            "--no-first-run", "--disable-extensions", "--disable-background-networking");
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        var browser = new Browser(driver, root);
        // The copy buttons write to the clipboard; the test reads it back.
        driver.ExecuteCdpCommand("Browser.grantPermissions", new Dictionary<string, object?>
        {
            ["origin"] = root.GetLeftPart(UriPartial.Authority),
            ["permissions"] = new[] { "clipboardReadWrite", "clipboardSanitizedWrite" },
        });
        return browser;
    }

    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(Root, path));

    public string CurrentPath => new Uri(Driver.Url).AbsolutePath;

    /// <summary>Waits for the navigation a click started (a form post and its redirect) to arrive at <paramref name="path"/>.</summary>
    public void WaitForPath(string path)
    {
        try
        {
            Wait().Until(_ => CurrentPath == path);
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"the browser never reached {path}; it is on {CurrentPath}");
        }
    }

    public IWebElement Find(string css)
    {
        try
        {
            return Wait().Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed))!;
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"{css} never showed on {Driver.Url}:\n{Driver.PageSource}");
            throw;
        }
    }

    /// <summary>An element's text read in one step in the page, so a live update in between cannot make it stale.</summary>
    public string TextOf(string css)
    {
        Find(css);
        return (string?)Script("return document.querySelector(arguments[0])?.textContent ?? '';", css) ?? "";
    }

    public bool Has(string css) => Driver.FindElements(By.CssSelector(css)).Count > 0;

    public void Fill(string css, string text)
    {
        var field = Find(css);
        field.Clear();
        field.SendKeys(text);
    }

    public void Click(string css) => Find(css).Click();

    /// <summary>Waits until the element's text satisfies <paramref name="condition"/>; returns it.</summary>
    public string WaitForText(string css, Func<string, bool> condition, TimeSpan? timeout = null)
    {
        string last = "";
        try
        {
            return Wait(timeout).Until(d =>
            {
                var element = d.FindElements(By.CssSelector(css)).FirstOrDefault();
                last = element?.Text ?? "(missing)";
                return element is not null && condition(last) ? last : null;
            })!;
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"{css} never showed the expected text; last: {last}; page: {CurrentPath}\n{Driver.FindElement(By.TagName("body")).Text}");
            throw;
        }
    }

    public object? Script(string script, params object[] arguments) => Driver.ExecuteScript(script, arguments);

    public object? AsyncScript(string script, params object[] arguments) => Driver.ExecuteAsyncScript(script, arguments);

    /// <summary>Saves the whole page (not only the window) as TestResults/screenshots/<paramref name="name"/>.png.</summary>
    public void Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var shot = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
        })!;
        File.WriteAllBytes(Path.Combine(ScreenshotDirectory, name + ".png"), Convert.FromBase64String((string)shot["data"]));
    }

    public string BodyText => Driver.FindElement(By.TagName("body")).Text;

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }

    private WebDriverWait Wait(TimeSpan? timeout = null)
    {
        var wait = new WebDriverWait(Driver, timeout ?? TimeSpan.FromSeconds(20)) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        // Live pages replace their elements (server-sent events): look again rather than fail.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }
}
