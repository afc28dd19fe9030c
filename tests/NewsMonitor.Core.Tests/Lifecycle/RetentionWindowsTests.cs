using Microsoft.Extensions.Options;
using NewsMonitor.Configuration;
using NewsMonitor.Lifecycle;

namespace NewsMonitor.Tests.Lifecycle;

public sealed class RetentionWindowsTests
{
    public static TheoryData<string, int, int, int, string?> Windows => new()
    {
        { "the defaults", 450, 365, 90, null },
        { "all three equal", 90, 90, 90, null },
        { "seen rows shorter than matches", 300, 365, 90, "Monitor:Retention:SeenArticles (300 days) must be at least Monitor:Retention:Matches (365 days)" },
        { "matches shorter than the archive", 450, 60, 90, "Monitor:Retention:Matches (60 days) must be at least Monitor:ArchiveRetention (90 days)" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void TheWindowsMustNestSeenArticlesOverMatchesOverTheArchive(string name, int seenDays, int matchDays, int archiveDays, string? problem)
    {
        var windows = new RetentionWindows(Options.Create(new MonitorOptions { ArchiveRetention = TimeSpan.FromDays(archiveDays) }));

        var result = windows.Validate(null, new RetentionOptions { SeenArticles = TimeSpan.FromDays(seenDays), Matches = TimeSpan.FromDays(matchDays) });

        Assert.True(problem is null ? result.Succeeded : result.Failed, name);
        if (problem is not null)
        {
            Assert.StartsWith(problem, Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheDefaultsAreTheDocumentedOnes()
    {
        var defaults = new RetentionOptions();

        Assert.Equal((450, 365, 180), ((int)defaults.SeenArticles.TotalDays, (int)defaults.Matches.TotalDays, (int)defaults.Digests.TotalDays));
    }
}
