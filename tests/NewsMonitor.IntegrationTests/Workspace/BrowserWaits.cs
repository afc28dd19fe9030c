using OpenQA.Selenium;

namespace NewsMonitor.IntegrationTests.Workspace;

/// <summary>Waiting for the page: the workspace renders after its fetches answer, so every look waits for its answer.</summary>
internal static class BrowserWaits
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Polls until the condition gives a value other than null or false; fails naming what was awaited.</summary>
    public static T Until<T>(this IWebDriver driver, string what, Func<IWebDriver, T?> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var value = condition(driver);
                if (value is not null && value is not false)
                {
                    return value;
                }
            }
            catch (Exception ex) when (ex is NoSuchElementException or StaleElementReferenceException)
            {
                last = ex;
            }

            Thread.Sleep(50);
        }

        var status = driver.FindElements(By.Id("status")).FirstOrDefault()?.Text;
        throw new TimeoutException($"After {Timeout.TotalSeconds} s at {driver.Url}, still waiting for {what} (status area: \"{status}\")", last);
    }

    public static IReadOnlyList<IWebElement> Rows(this IWebDriver driver) => driver.FindElements(By.CssSelector("ol.matches > li.match"));

    /// <summary>Waits until the stream shows exactly this many rows and nothing is loading.</summary>
    public static IReadOnlyList<IWebElement> WaitForRows(this IWebDriver driver, int count)
        => driver.Until($"{count} rows in the stream", d =>
        {
            var rows = d.Rows();
            return rows.Count == count && d.FindElement(By.Id("main")).GetAttribute("aria-busy") == "false" ? rows : null;
        });

    /// <summary>Presses keys on the page itself (not in a field), as an analyst does.</summary>
    public static void Press(this IWebDriver driver, string keys)
        => new OpenQA.Selenium.Interactions.Actions(driver).SendKeys(keys).Perform();
}
