namespace NewsMonitor.Tests;

public sealed class ScratchTests
{
    public static TheoryData<Row> Cases => new()
    {
        new Row("first case", 1),
        new Row("second case", 2),
    };

    public static TheoryData<string, int> Named => new()
    {
        { "first named", 1 },
        { "second named", 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RecordCase(Row testCase)
    {
        Assert.True(testCase.Value > 0);
    }

    [Theory]
    [MemberData(nameof(Named))]
    public void DiscardCase(string _, int value)
    {
        Assert.True(value > 0);
    }

    public sealed record Row(string Name, int Value)
    {
        public override string ToString() => Name;
    }
}
