using System.ComponentModel.DataAnnotations;

namespace NewsMonitor.Delivery.Syndication;

/// <summary>
/// The secret the feed tokens are derived from (<c>Monitor:FeedKey</c>, Key Vault in Azure). Empty: the feed routes are
/// off. Rotating it revokes every feed URL at once, since nothing per feed is stored.
/// </summary>
public sealed class FeedKeyOptions
{
    public const string SectionName = "Monitor";

    public const string SettingName = "Monitor:FeedKey";

    /// <summary>At least 32 characters, e.g. <c>openssl rand -base64 32</c>: a short key would make tokens guessable.</summary>
    [RegularExpression("^.{32,}$", ErrorMessage = "Monitor:FeedKey must be at least 32 characters (e.g. the output of `openssl rand -base64 32`), or empty to turn the Atom feeds off")]
    public string FeedKey { get; set; } = string.Empty;
}
