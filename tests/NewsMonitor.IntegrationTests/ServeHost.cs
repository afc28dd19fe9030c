using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using NewsMonitor.Cli;

namespace NewsMonitor.IntegrationTests;

/// <summary><c>monitor serve --port 0</c> run in-process for a test, with the URL it printed and an HTTP client for it.</summary>
public sealed partial class ServeHost : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<int> run;

    private ServeHost(TestDeployment deployment, LineWriter output)
    {
        Output = output;
        run = CliApp.RunAsync(["serve", "--port", "0"], output, output, deployment.Settings, stop.Token);
    }

    public Uri Url { get; private set; } = null!;

    public HttpClient Client { get; } = new();

    internal LineWriter Output { get; }

    public static async Task<ServeHost> StartAsync(TestDeployment deployment)
    {
        var host = new ServeHost(deployment, new LineWriter());
        var started = await Task.WhenAny(host.Output.Listening.Task, host.run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(started == host.Output.Listening.Task, $"monitor serve did not start: {host.Output}");
        host.Url = new Uri(await host.Output.Listening.Task);
        host.Client.BaseAddress = host.Url;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        Assert.Equal(0, await run);
        stop.Dispose();
        Client.Dispose();
    }

    /// <summary>Collects what the command writes and notices the line with the URL.</summary>
    internal sealed partial class LineWriter : TextWriter
    {
        private readonly ConcurrentQueue<string> lines = new();
        private readonly StringBuilder current = new();

        public TaskCompletionSource<string> Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (current)
            {
                if (value != '\n')
                {
                    current.Append(value);
                    return;
                }

                var line = current.ToString();
                current.Clear();
                lines.Enqueue(line);
                if (UrlLine().Match(line) is { Success: true } match)
                {
                    Listening.TrySetResult(match.Groups[1].Value);
                }
            }
        }

        public override string ToString() => string.Join('\n', lines);

        [GeneratedRegex(@"Workspace and API on (http://\S+/) ")]
        private static partial Regex UrlLine();
    }
}
