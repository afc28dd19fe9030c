using System.ComponentModel.DataAnnotations;

namespace NewsMonitor.Http;

/// <summary>Limits on every outbound request for feeds and pages.</summary>
public sealed class OutboundHttpOptions
{
    public const string SectionName = "Monitor:Http";

    /// <summary>Private, loopback and link-local addresses are refused unless this is on (the demo and tests turn it on).</summary>
    public bool AllowPrivateNetworks { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1024, 256 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>At most this many requests in flight to one host from this process.</summary>
    [Range(1, 64)]
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>The least time between the starts of two requests to one host from this process.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MinIntervalPerHost { get; set; } = TimeSpan.FromMilliseconds(500);

    [Required]
    public string UserAgent { get; set; } = "NewsMonitor/1.0 (+https://github.com/newsmonitor/newsmonitor)";
}
