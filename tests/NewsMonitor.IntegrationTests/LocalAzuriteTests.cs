using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Commands that need storage start Azurite for the local development account and leave it running; <c>monitor azurite
/// stop</c> stops it. Each test uses a development account on free ports of its own (never 10000-10002, where a
/// developer's Azurite may run) and stops what it started.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class LocalAzuriteTests
{
    private static string Demo(string path) => Path.Combine(LocalEnvironment.RepositoryRoot, "seeds", "demo", path);

    /// <summary>Commands that need no storage, with their arguments.</summary>
    public static TheoryData<string[]> CommandsWithoutStorage => new()
    {
        new[] { "check", Demo("articles/eu-sanctions-package.html") },
        new[] { "extract", Demo("articles/eu-sanctions-package.html") },
        new[] { "feed", Demo("feed.xml") },
        new[] { "help" },
    };

    [Fact]
    public async Task AStorageCommandStartsAzuriteTheNextReusesItAndAzuriteStopStopsIt()
    {
        await using var local = LocalAccount.Pick();

        var first = await local.Deployment.RunCliAsync("feeds");
        var pid = local.Azurite.Recorded()?.Id;
        var openAfterFirst = await LocalAzurite.OpenPortsAsync(local.Storage, CancellationToken.None);
        var second = await local.Deployment.RunCliAsync("matches");
        var stop = await local.Deployment.RunCliAsync("azurite", "stop");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"Started Azurite on {local.Storage.Address} (data in {local.Azurite.Folder}); it keeps running for the next command — `monitor azurite stop` stops it.", first.Error, StringComparison.Ordinal);
        Assert.Contains("never polled", first.Output, StringComparison.Ordinal);
        Assert.NotNull(pid);
        Assert.Equal(local.Storage.Ports, openAfterFirst);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.DoesNotContain("Started Azurite", second.Error, StringComparison.Ordinal);
        Assert.Contains("No matches", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, stop.ExitCode);
        Assert.Contains($"Stopped Azurite (pid {pid})", stop.Output, StringComparison.Ordinal);
        Assert.Empty(await LocalAzurite.OpenPortsAsync(local.Storage, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid.Value));
    }

    [Fact]
    public async Task CommandsStartedTogetherStartOneAzurite()
    {
        await using var local = LocalAccount.Pick();

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => local.Deployment.RunCliAsync("matches")));
        var status = await local.Deployment.RunCliAsync("azurite", "status");

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
        Assert.Single(runs, run => run.Error.Contains("Started Azurite", StringComparison.Ordinal));
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"running, started by monitor (pid {local.Azurite.Recorded()!.Id}", status.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommandsWithoutStorage))]
    public async Task CommandsThatNeedNoStorageStartNoAzurite(string[] args)
    {
        await using var local = LocalAccount.Pick();

        var run = await local.Deployment.RunCliAsync(args);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Azurite", run.Error, StringComparison.Ordinal);
        Assert.Empty(await LocalAzurite.OpenPortsAsync(local.Storage, CancellationToken.None));
        Assert.False(Directory.Exists(local.Azurite.Folder));
    }

    [Fact]
    public async Task AnotherProgramOnOneOfTheDevelopmentPortsIsNamedAndNothingIsStarted()
    {
        await using var local = LocalAccount.Pick();
        using var squatter = new Squatters([local.Storage.QueuePort]);

        var run = await local.Deployment.RunCliAsync("matches");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"only port {local.Storage.QueuePort} of its three answers: another program holds them", run.Error, StringComparison.Ordinal);
        Assert.Equal([local.Storage.QueuePort], await LocalAzurite.OpenPortsAsync(local.Storage, CancellationToken.None));
        Assert.Null(local.Azurite.Recorded());
    }

    [Fact]
    public async Task AnAzuriteThatCannotStartIsExplainedFromItsLog()
    {
        await using var local = LocalAccount.Pick();

        // A damaged database file: Azurite exits as it starts, with the reason in its log.
        Directory.CreateDirectory(local.Azurite.Folder);
        await File.WriteAllTextAsync(Path.Combine(local.Azurite.Folder, "__azurite_db_blob__.json"), "{ not json");

        var run = await local.Deployment.RunCliAsync("matches");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"monitor matches: Azurite did not start on {local.Storage.Address}:", run.Error, StringComparison.Ordinal);
        Assert.Contains("Exit due to unhandled error: Expected property name", run.Error, StringComparison.Ordinal);
        Assert.Contains($"(log: {local.Azurite.LogPath}). Fix that and run the command again.", run.Error, StringComparison.Ordinal);
        Assert.Null(local.Azurite.Recorded());
        Assert.Empty(await LocalAzurite.OpenPortsAsync(local.Storage, CancellationToken.None));
    }

    [Fact]
    public async Task StorageThatIsNotTheDevelopmentAccountStartsNothingAndSaysToCheckTheSetting()
    {
        await using var local = LocalAccount.Pick();
        local.Deployment.Settings["AzureWebJobsStorage"] = AzuriteProcess.ConnectionStringFor(local.Storage.BlobPort, local.Storage.QueuePort, local.Storage.TablePort)
            .Replace("devstoreaccount1", "newsmonitor", StringComparison.Ordinal);

        var run = await local.Deployment.RunCliAsync("matches");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("storage cannot be reached", run.Error, StringComparison.Ordinal);
        Assert.Contains("no Azurite is started: check AzureWebJobsStorage", run.Error, StringComparison.Ordinal);
        Assert.Empty(await LocalAzurite.OpenPortsAsync(local.Storage, CancellationToken.None));
    }

    [Fact]
    public async Task AzuriteStopNeverStopsAProcessItDidNotStart()
    {
        await using var local = LocalAccount.Pick();
        Directory.CreateDirectory(local.Azurite.Folder);

        // This very test process under the recorded pid, started at another time: a pid reused after Azurite ended.
        await File.WriteAllLinesAsync(Path.Combine(local.Azurite.Folder, "azurite.pid"), [Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "0"]);
        using var squatters = new Squatters(local.Storage.Ports);

        var stop = await local.Deployment.RunCliAsync("azurite", "stop");

        Assert.Equal(1, stop.ExitCode);
        Assert.Contains("monitor did not start it", stop.Error, StringComparison.Ordinal);
        Assert.Equal(local.Storage.Ports, await LocalAzurite.OpenPortsAsync(local.Storage, CancellationToken.None));
    }

    /// <summary>A development account on three free loopback ports, its deployment, and the Azurite the CLI would start for it.</summary>
    private sealed class LocalAccount : IAsyncDisposable
    {
        private LocalAccount(DevelopmentStorage storage)
        {
            Storage = storage;
            Azurite = new LocalAzurite(LocalEnvironment.RepositoryRoot, storage);
            Deployment = new TestDeployment(AzuriteProcess.ConnectionStringFor(storage.BlobPort, storage.QueuePort, storage.TablePort), new Uri("http://127.0.0.1:9/feed.xml"));
        }

        public DevelopmentStorage Storage { get; }

        public LocalAzurite Azurite { get; }

        public TestDeployment Deployment { get; }

        /// <summary>
        /// Three consecutive ports below Linux's ephemeral range (32768–60999), so no server another test starts on port 0
        /// takes one of them between the pick and Azurite's start.
        /// </summary>
        public static LocalAccount Pick()
        {
            while (true)
            {
                var first = Random.Shared.Next(20_000, 30_000);
                int[] ports = [first, first + 1, first + 2];
                if (ports.All(Bindable))
                {
                    return new LocalAccount(new DevelopmentStorage(first, first + 1, first + 2));
                }
            }
        }

        /// <summary>Stops what the test started and removes its data.</summary>
        public async ValueTask DisposeAsync()
        {
            await Azurite.StopAsync(CancellationToken.None);
            if (Directory.Exists(Azurite.Folder))
            {
                Directory.Delete(Azurite.Folder, recursive: true);
            }
        }

        private static bool Bindable(int port)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <summary>Plain listeners holding ports, standing for a program other than the Azurite monitor started.</summary>
    private sealed class Squatters : IDisposable
    {
        private readonly List<TcpListener> listeners = [];

        public Squatters(IEnumerable<int> ports)
        {
            foreach (var port in ports)
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listeners.Add(listener);
            }
        }

        public void Dispose() => listeners.ForEach(listener => listener.Dispose());
    }
}
