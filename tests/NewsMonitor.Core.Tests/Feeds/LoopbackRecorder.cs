using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// A TCP listener on 127.0.0.1 (free port) that records every connection made to it and answers like a tiny HTTP
/// server with an entity body — so a parser that resolved an external entity would both be seen and get content.
/// </summary>
public sealed partial class LoopbackRecorder : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<string> requests = new();
    private int accepted;

    public LoopbackRecorder()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>The first line of every request received so far ("GET /x HTTP/1.1"), or "(connection)" when none came.</summary>
    public IReadOnlyCollection<string> Requests => requests;

    /// <summary>
    /// Connections made so far, counting one still waiting in the listen backlog: a parser's connect has completed by
    /// the time it returns, so this is exact right after a parse, with no waiting.
    /// </summary>
    public int Connections => Volatile.Read(ref accepted) + (listener.Pending() ? 1 : 0);

    /// <summary>
    /// Points every SYSTEM / PUBLIC identifier of a document (DOCTYPE, ENTITY, NOTATION) at this recorder. Bytes are
    /// mapped one-to-one through Latin-1, so any ASCII-compatible document survives unchanged elsewhere.
    /// </summary>
    public byte[] PointExternalIdsHere(byte[] content)
    {
        var text = Encoding.Latin1.GetString(content);
        var redirected = ExternalId().Replace(text, m => $"{m.Groups["keyword"].Value}{m.Groups["public"].Value} \"{Url}entity-{m.Index}\"");
        return Encoding.Latin1.GetBytes(redirected);
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var read = 0;
            try
            {
                read = await stream.ReadAsync(buffer, stopping.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
            }

            var head = Encoding.ASCII.GetString(buffer, 0, read);
            var line = head.Split("\r\n")[0];
            requests.Enqueue(line.Length == 0 ? "(connection)" : line);
            var body = "ENTITY-WAS-FETCHED"u8.ToArray();
            var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            try
            {
                await stream.WriteAsync(answer.Concat(body).ToArray(), stopping.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
            }
        }
    }

    [GeneratedRegex("""(?<keyword>SYSTEM|PUBLIC)(?<public>(?<=PUBLIC)\s*("[^"]*"|'[^']*'))?\s*("[^"]*"|'[^']*')""")]
    private static partial Regex ExternalId();
}
