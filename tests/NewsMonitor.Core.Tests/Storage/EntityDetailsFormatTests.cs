using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

public sealed class EntityDetailsFormatTests
{
    public static TheoryData<string, string, string[]> Details => new()
    {
        { "two entities, strongest first", "nato|topic|1|0.25;donald-trump|figure|3|0.9", ["donald-trump", "nato"] },
        { "an entry with too few parts is left out", "nato|topic|1;donald-trump|figure|3|0.9", ["donald-trump"] },
        { "an entry whose count is not a number is left out", "nato|topic|x|0.2;donald-trump|figure|3|0.9", ["donald-trump"] },
        { "nothing", "", [] },
    };

    [Theory]
    [MemberData(nameof(Details))]
    public void ReadingKeepsTheEntriesThatReadStrongestFirst(string because, string details, string[] ids)
    {
        var read = EntityDetailsFormat.Read(details);

        Assert.True(ids.SequenceEqual(read.Select(e => e.Id)), because);
    }

    [Fact]
    public void WhatIsWrittenReadsBackTheSame()
    {
        MatchedEntity[] entities = [new("donald-trump", "figure", 3, 0.9123456789), new("nato", "topic", 1, 0.25)];

        var text = EntityDetailsFormat.Write(entities);

        Assert.Equal("donald-trump|figure|3|0.9123456789;nato|topic|1|0.25", text);
        Assert.Equal(entities, EntityDetailsFormat.Read(text));
    }

    [Fact]
    public void AnEntryItCannotReadStillHasItsId()
    {
        Assert.Equal("nato", EntityDetailsFormat.IdOf("nato|topic|one"));
    }
}
