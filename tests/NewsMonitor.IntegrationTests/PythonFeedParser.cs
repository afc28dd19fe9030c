using System.Diagnostics;
using System.Text.Json;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// Debian's python3-feedparser (Universal Feed Parser, what many readers and bots are built on) run as a subprocess:
/// it fetches a feed URL as a reader does, with the ETag and Last-Modified of a previous fetch when given them.
/// .ci/run installs it when missing; without it these tests fail saying so, never pass by skipping.
/// </summary>
internal static class PythonFeedParser
{
    private const string Script = """
        import feedparser, json, sys
        url, etag, modified = sys.argv[1], sys.argv[2] or None, sys.argv[3] or None
        d = feedparser.parse(url, etag=etag, modified=modified)
        print(json.dumps({
            "status": d.get("status"), "bozo": bool(d.bozo), "bozoException": str(d.get("bozo_exception", "")),
            "version": d.version, "etag": d.get("etag"), "modified": d.get("modified"),
            "title": d.feed.get("title"), "id": d.feed.get("id"), "language": d.feed.get("language"),
            "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"), "author": e.get("author"),
                         "tags": [t.term for t in e.get("tags", [])], "content": (e.get("content") or [{}])[0].get("value"),
                         "contentType": (e.get("content") or [{}])[0].get("type"), "updated": e.get("updated")} for e in d.entries],
        }))
        """;

    /// <summary>Debian's interpreter: the package installs for it, not for a pyenv or venv python earlier on PATH.</summary>
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static async Task<JsonDocument> ParseAsync(Uri url, string? etag = null, string? modified = null)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", Script, url.AbsoluteUri, etag ?? string.Empty, modified ?? string.Empty })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Python} with feedparser failed (apt-get install -y python3-feedparser; .ci/run does): {await error}");
        return JsonDocument.Parse(await output);
    }
}
