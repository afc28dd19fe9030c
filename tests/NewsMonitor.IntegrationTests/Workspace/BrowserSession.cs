using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace NewsMonitor.IntegrationTests.Workspace;

/// <summary>
/// Debian's Chromium, headless, driven through Debian's chromedriver: both come from apt (.ci/run installs them), never
/// downloaded. When either is missing every browser test fails with what to install, rather than skipping.
/// </summary>
public sealed class BrowserSession : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private readonly Lazy<ChromeDriver> driver = new(Start);

    /// <summary>The one browser of a test class; started on first use so a missing browser fails each test by name.</summary>
    public ChromeDriver Driver => driver.Value;

    public void Dispose()
    {
        if (driver.IsValueCreated)
        {
            driver.Value.Quit();
            driver.Value.Dispose();
        }
    }

    private static ChromeDriver Start()
    {
        foreach (var path in new[] { ChromiumPath, ChromeDriverPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The browser tests need Debian's Chromium and chromedriver, and {path} is missing: install them with "
                    + "`apt-get install -y chromium chromium-driver` (as .ci/run does on a bare machine).");
            }
        }

        // Naming the driver's folder and file keeps Selenium Manager from trying to download a driver.
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath, UnhandledPromptBehavior = UnhandledPromptBehavior.Ignore };

        // Root in CI has no user namespace for Chromium's sandbox; the pages loaded are the tests' own.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900", "--lang=en-GB");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
