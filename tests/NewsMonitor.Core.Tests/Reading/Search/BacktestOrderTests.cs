using NewsMonitor.Reading.Search;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Tests.Reading.Search;

public sealed class BacktestOrderTests
{
    private static readonly Watchlist Live = TestWatchlists.Parse("""
        {
          "figures": [ { "id": "ann", "name": "Ann Lee" }, { "id": "bob", "name": "Bob Ray", "aliases": ["Bobby Ray"] }, { "id": "cy", "name": "Cy Young" } ],
          "topics": [ { "id": "ports", "query": "harbour OR port" }, { "id": "tax", "query": "levy" } ]
        }
        """);

    private static readonly Watchlist Proposed = TestWatchlists.Parse("""
        {
          "figures": [ { "id": "ann", "name": "Ann Lee" }, { "id": "bob", "name": "Bob Ray", "aliases": ["Bobby Ray"], "blockFeeds": ["wire"] }, { "id": "dee", "name": "Dee Dee" } ],
          "topics": [ { "id": "ports", "query": "harbour OR  port" }, { "id": "tax", "query": "levy NOT fuel" } ]
        }
        """);

    public static TheoryData<string, DefinitionChange> Definitions => new()
    {
        { "ann", DefinitionChange.Unchanged },
        { "bob", DefinitionChange.Changed },
        { "cy", DefinitionChange.Removed },
        { "dee", DefinitionChange.Added },
        { "ports", DefinitionChange.Unchanged },
        { "tax", DefinitionChange.Changed },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void AnEntitysDefinitionIsComparedByWhatItMatchesNotByHowItIsSpelled(string id, DefinitionChange expected)
        => Assert.Equal(expected, EntityDefinitions.Compare(Live, Proposed, id));

    [Fact]
    public void EntitiesWithMoreChangesComeFirstThenChangedDefinitionsThenByIdWhateverTheInputOrder()
    {
        var entities = new[]
        {
            Entity("zed", DefinitionChange.Unchanged, 0, 0),
            Entity("ann", DefinitionChange.Unchanged, 0, 0),
            Entity("tax", DefinitionChange.Changed, 0, 2),
            Entity("dee", DefinitionChange.Added, 3, 0),
            Entity("bob", DefinitionChange.Changed, 0, 0),
            Entity("cy", DefinitionChange.Removed, 0, 2),
        };

        var forward = entities.ToList();
        forward.Sort(EntityComparison.Compare);
        var backward = entities.Reverse().ToList();
        backward.Sort(EntityComparison.Compare);

        Assert.Equal(["dee", "cy", "tax", "bob", "ann", "zed"], forward.Select(e => e.Id));
        Assert.Equal(forward.Select(e => e.Id), backward.Select(e => e.Id));
    }

    private static EntityComparison Entity(string id, DefinitionChange status, int gained, int lost)
        => new(id, EntityKind.Figure, id, status, lost, gained, gained, lost, [], []);
}
