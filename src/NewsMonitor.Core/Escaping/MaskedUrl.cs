namespace NewsMonitor.Escaping;

/// <summary>
/// A URL for a log message: formatted with <see cref="UrlCredentials.Masked(Uri)"/> only when the line is written, so a
/// disabled log level costs nothing.
/// </summary>
public readonly record struct MaskedUrl(Uri Url)
{
    public override string ToString() => UrlCredentials.Masked(Url);
}
