using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsMonitor.InfraTests;

/// <summary>
/// The POSIX hook scripts run for real, in a scratch copy of the repository layout, with <c>dotnet</c> and <c>azd</c>
/// replaced by small scripts that record what they were given (the PowerShell twins are held to the same numbers by text).
/// </summary>
public sealed partial class HookScriptTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("newsmonitor-hooks-");

    public HookScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(root.FullName, "infra", "hooks"));
        Directory.CreateDirectory(Path.Combine(root.FullName, "bin"));
        foreach (var script in new[] { "preprovision.sh", "postprovision.sh" })
        {
            File.Copy(Repository.File("infra", "hooks", script), Path.Combine(root.FullName, "infra", "hooks", script));
        }

        File.Copy(Repository.File("global.json"), Path.Combine(root.FullName, "global.json"));
        File.WriteAllText(Path.Combine(root.FullName, "infra", "hooks", "signin-redirect.sh"), "echo signin-redirect ran\n");
        // A developer's local settings: a storage prefix and Azurite, which must not reach the push to Azure.
        File.WriteAllText(Path.Combine(root.FullName, "local.settings.json"), """{ "Values": { "Monitor__StoragePrefix": "dev", "AzureWebJobsStorage": "UseDevelopmentStorage=true" } }""");
        Fake("azd", """echo "$*" >> "$FAKE_LOG" """);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task PostprovisionRetriesWithACountdownAndPushesWithoutTheDevelopersLocalSettings()
    {
        // Fails once (403 while the role assignments apply), then succeeds.
        Fake("dotnet", """
            echo "cwd=$(pwd) prefix=${Monitor__StoragePrefix-unset} storage=${AzureWebJobsStorage-unset} blob=$AzureWebJobsStorage__blobServiceUri container=$Monitor__ConfigContainer watchlist=$Monitor__WatchlistPath args=$*" >> "$FAKE_LOG"
            [ -f local.settings.json ] && echo "local.settings.json visible" >> "$FAKE_LOG"
            [ -f global.json ] || echo "no global.json" >> "$FAKE_LOG"
            [ "$(grep -c '^cwd=' "$FAKE_LOG")" -ge 2 ]
            """);

        var run = await RunAsync("postprovision.sh", Outputs());

        Assert.True(run.ExitCode == 0, run.ToString());
        var pushes = Log().Where(l => l.StartsWith("cwd=", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pushes.Count);
        Assert.All(pushes, push =>
        {
            Assert.DoesNotContain($"cwd={root.FullName} ", push, StringComparison.Ordinal);
            Assert.Contains("prefix=unset storage=unset blob=https://st.blob.core.windows.net/ container=config ", push, StringComparison.Ordinal);
            Assert.Contains($"watchlist={root.FullName}/seeds/watchlist.json ", push, StringComparison.Ordinal);
            Assert.EndsWith($"args=run --project {root.FullName}/src/NewsMonitor.Cli -- config push", push, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("local.settings.json visible", Log());
        Assert.DoesNotContain("no global.json", Log());
        Assert.Contains("retrying in 15 s; giving up in 12:00", run.Error, StringComparison.Ordinal);
        Assert.Contains("retrying in  5 s; giving up in 11:50", run.Error, StringComparison.Ordinal);
        Assert.Contains("signin-redirect ran", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostprovisionGivesUpAfterItsWaitAndSaysHowToRunItAgain()
    {
        Fake("dotnet", "exit 1");

        var run = await RunAsync("postprovision.sh", Outputs(("CONFIG_PUSH_WAIT_SECONDS", "0")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("run it again later: azd hooks run postprovision", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("signin-redirect ran", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Role assignments take up to ten minutes to apply; both scripts wait longer than that by default.</summary>
    [Theory]
    [InlineData("postprovision.sh")]
    [InlineData("postprovision.ps1")]
    public void PostprovisionWaitsLongerThanRolePropagationTakes(string script)
    {
        var match = WaitSeconds().Match(Repository.ReadText("infra", "hooks", script));

        Assert.True(match.Success, $"{script} does not say how long it waits (CONFIG_PUSH_WAIT_SECONDS)");
        Assert.InRange(int.Parse(match.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture), 600, 1800);
    }

    [Fact]
    public async Task PreprovisionGivesTheJsonParametersAnEmptyObjectSoTheParametersFileParses()
    {
        var run = await RunAsync("preprovision.sh", new() { ["AUTH_CLIENT_ID"] = InfraFixture.AuthClientId, ["EXTRA_APP_SETTINGS"] = """{ "Monitor__PollInterval": "00:20:00" }""" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["env set WEBHOOK_SECRETS {}"], Log());
    }

    [Fact]
    public async Task PreprovisionRefusesWebhookSecretsThatAreNotAnObjectWithoutPrintingThem()
    {
        var run = await RunAsync("preprovision.sh", new() { ["AUTH_CLIENT_ID"] = InfraFixture.AuthClientId, ["WEBHOOK_SECRETS"] = "not-a-real-secret" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("WEBHOOK_SECRETS must be a JSON object", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret", run.ToString(), StringComparison.Ordinal);
        Assert.Empty(Log());
    }

    public void Dispose() => root.Delete(recursive: true);

    private static Dictionary<string, string> Outputs(params (string Name, string Value)[] more)
    {
        var values = new Dictionary<string, string>
        {
            ["AZURE_STORAGE_BLOB_ENDPOINT"] = "https://st.blob.core.windows.net/",
            ["AZURE_STORAGE_QUEUE_ENDPOINT"] = "https://st.queue.core.windows.net/",
            ["AZURE_STORAGE_TABLE_ENDPOINT"] = "https://st.table.core.windows.net/",
            ["AZURE_STORAGE_CONFIG_CONTAINER"] = "config",
            ["Monitor__StoragePrefix"] = "dev",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        };
        foreach (var (name, value) in more)
        {
            values[name] = value;
        }

        return values;
    }

    private void Fake(string command, string body)
    {
        var path = Path.Combine(root.FullName, "bin", command);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
    }

    private List<string> Log()
    {
        var log = Path.Combine(root.FullName, "fake.log");
        return File.Exists(log) ? File.ReadAllLines(log).Select(l => l.Trim()).ToList() : [];
    }

    private async Task<ScriptRun> RunAsync(string script, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = root.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add($"infra/hooks/{script}");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Monitor__", StringComparison.Ordinal) || k.StartsWith("AzureWebJobs", StringComparison.Ordinal) || k.StartsWith("AZURE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PATH"] = Path.Combine(root.FullName, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_LOG"] = Path.Combine(root.FullName, "fake.log");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return new ScriptRun(process.ExitCode, await output, await error);
    }

    private sealed record ScriptRun(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    [GeneratedRegex(@"CONFIG_PUSH_WAIT_SECONDS(:-| \} else \{ )(?<seconds>\d+)")]
    private static partial Regex WaitSeconds();
}
