namespace NewsMonitor.Configuration.Opml;

/// <summary>The element and attribute names of OPML 2.0 (https://opml.org/spec2.opml) this monitor reads and writes.</summary>
internal static class OpmlNames
{
    /// <summary>
    /// The namespace of the attributes only this monitor writes (feed id, poll interval, enabled). The spec allows
    /// namespaced attributes; other readers ignore them, as FreshRSS's <c>frss:</c> and Miniflux's are ignored here.
    /// </summary>
    public const string Namespace = "https://github.com/newsmonitor/newsmonitor/blob/main/docs/feeds.md#opml";

    public const string Prefix = "monitor";
}
