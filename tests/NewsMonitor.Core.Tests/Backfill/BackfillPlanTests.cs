using NewsMonitor.Backfill;

namespace NewsMonitor.Tests.Backfill;

public sealed class BackfillPlanTests
{
    /// <summary>Live fingerprints, applied ones, and the plan expected: added, changed, removed.</summary>
    public static TheoryData<string, string, string, string[], string[], string[]> Cases => new()
    {
        { "nothing applied yet: every entity is new", "a=1 b=2", "", ["a", "b"], [], [] },
        { "up to date", "a=1 b=2", "a=1 b=2", [], [], [] },
        { "a figure added", "a=1 b=2 g=7", "a=1 b=2", ["g"], [], [] },
        { "a query changed", "a=1 b=3", "a=1 b=2", [], ["b"], [] },
        { "an entity removed", "a=1", "a=1 b=2", [], [], ["b"] },
        { "all three at once", "a=9 c=4", "a=1 b=2", ["c"], ["a"], ["b"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThePlanAppliesNewAndChangedEntitiesAndRecordsRemovedOnes(string name, string live, string applied, string[] added, string[] changed, string[] removed)
    {
        var plan = BackfillPlan.Between(Parse(live), Parse(applied));

        Assert.True(added.SequenceEqual(plan.Added), name);
        Assert.True(changed.SequenceEqual(plan.Changed), name);
        Assert.True(removed.SequenceEqual(plan.Removed), name);
        Assert.Equal(added.Concat(changed).Order(StringComparer.Ordinal), plan.Apply.Keys.Order(StringComparer.Ordinal));
        Assert.All(plan.Apply, e => Assert.Equal(Parse(live)[e.Key], e.Value));
    }

    [Fact]
    public void ABackfillByHandNamingAnUnknownEntitySaysWhichOne()
    {
        var error = Assert.Throws<UnknownEntitiesException>(() => BackfillPlan.For(Parse("b=2 a=1"), ["b", "graham-nkosi"]));

        Assert.Equal(["graham-nkosi"], error.Unknown);
        Assert.Equal(["a", "b"], error.Known);
        Assert.Contains("\"graham-nkosi\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"b\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABackfillByHandWithoutEntitiesAppliesTheWholeWatchlist()
    {
        var plan = BackfillPlan.For(Parse("a=1 b=2"), []);

        Assert.Equal(["a", "b"], plan.Apply.Keys.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Parse(string pairs)
        => pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
