using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NewsMonitor.Delivery.Syndication;

namespace NewsMonitor.Tests.Delivery.Syndication;

public sealed class FeedTokensTests
{
    private const string Key = "a-feed-key-of-at-least-thirty-two-characters";
    private const string OtherKey = "another-feed-key-of-thirty-two-characters-or-more";

    private static FeedTokens Tokens(string key) => new(Options.Create(new FeedKeyOptions { FeedKey = key }));

    private static FeedAddress Search(params (string Key, string Value)[] parameters) => FeedAddress.ForSearch(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    public static TheoryData<string, Func<string, string?>, bool> Checks => new()
    {
        { "the subscription's own token", token => token, true },
        { "no token", _ => null, false },
        { "an empty token", _ => string.Empty, false },
        { "the token with one character changed", token => (token[0] == 'A' ? "B" : "A") + token[1..], false },
        { "the token cut short", token => token[..20], false },
        { "another subscription's token", _ => Tokens(Key).For(FeedAddress.ForSubscription("world-briefing")), false },
        { "the token under a rotated key", _ => Tokens(OtherKey).For(FeedAddress.ForSubscription("russia-desk")), false },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void OnlyTheSubscriptionsOwnTokenUnderTheCurrentKeyOpensItsFeed(string why, Func<string, string?> given, bool opens)
    {
        var tokens = Tokens(Key);
        var address = FeedAddress.ForSubscription("russia-desk");

        Assert.True(tokens.Verify(address, given(tokens.For(address))) == opens, why);
    }

    [Fact]
    public void ASavedSearchsTokenIgnoresParameterOrderButNotAChangedParameter()
    {
        var tokens = Tokens(Key);
        var saved = Search(("entity", "vladimir-putin"), ("minScore", "0.5"), ("entity", "donald-trump"));

        Assert.True(tokens.Verify(Search(("minScore", "0.5"), ("entity", "donald-trump"), ("entity", "vladimir-putin"), ("token", "ignored")), tokens.For(saved)));
        Assert.False(tokens.Verify(Search(("entity", "vladimir-putin"), ("minScore", "0.1"), ("entity", "donald-trump")), tokens.For(saved)));
        Assert.False(tokens.Verify(Search(("entity", "vladimir-putin"), ("minScore", "0.5")), tokens.For(saved)));
        Assert.Equal("api/matches.atom?entity=donald-trump&entity=vladimir-putin&minScore=0.5", saved.Path);
    }

    [Fact]
    public void WithoutAKeyNoTokenOpensAnythingAndNoneCanBeMade()
    {
        var tokens = Tokens(string.Empty);

        Assert.False(tokens.Enabled);
        Assert.False(tokens.Verify(FeedAddress.ForSubscription("russia-desk"), "anything"));
        Assert.Throws<InvalidOperationException>(() => tokens.For(FeedAddress.ForSubscription("russia-desk")));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("too-short-to-be-a-secret", false)]
    [InlineData(Key, true)]
    public void AFeedKeyIsEmptyOrAtLeastThirtyTwoCharacters(string key, bool valid)
    {
        var options = new FeedKeyOptions { FeedKey = key };
        var results = new List<ValidationResult>();

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.All(results, r => Assert.Contains("Monitor:FeedKey", r.ErrorMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void AnArticleHasOneIdInEveryFeedAndEveryArticleItsOwn()
    {
        var id = AtomIds.ForArticle("0123456789abcdef0123456789abcdef");

        Assert.Equal(id, AtomIds.ForArticle("0123456789abcdef0123456789abcdef"));
        Assert.NotEqual(id, AtomIds.ForArticle("fedcba9876543210fedcba9876543210"));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.NotEqual(AtomIds.ForFeed(FeedAddress.ForSubscription("a")), AtomIds.ForFeed(Search(("entity", "a"))));
    }

    [Theory]
    [InlineData("Putin met the envoy.", 0, 5, "<strong>Putin</strong> met the envoy.")]
    [InlineData("Talks with Putin & aides.", 11, 5, "Talks with <strong>Putin</strong> &amp; aides.")]
    [InlineData("<b>Putin</b>", 3, 5, "&lt;b&gt;<strong>Putin</strong>&lt;/b&gt;")]
    [InlineData("Putin", 3, 9, "Putin")]
    [InlineData("Putin", 0, 0, "Putin")]
    public void TheSnippetIsEscapedWithTheMentionMarked(string snippet, int offset, int length, string html)
    {
        Assert.Equal(html, AtomEntries.HighlightedSnippet(snippet, offset, length));
    }
}
