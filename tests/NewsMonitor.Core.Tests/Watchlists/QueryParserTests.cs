using NewsMonitor.Watchlists.Queries;

namespace NewsMonitor.Tests.Watchlists;

public sealed class QueryParserTests
{
    public static TheoryData<string, QueryNode> Constructs => new()
    {
        { "Ukraine", Term("Ukraine") },
        { "  Ukraine  ", Term("Ukraine") },
        { "U.S.-Russia", Term("U.S.-Russia") },
        { "\"Black Sea\"", Term("Black Sea") },
        { "\"  Black Sea  \"", Term("Black Sea") },
        { "NATO AND Russia", new AndNode([Term("NATO"), Term("Russia")]) },
        { "NATO OR Russia", new OrNode([Term("NATO"), Term("Russia")]) },
        { "NOT Russia", new NotNode(Term("Russia")) },
        { "NATO Russia", new AndNode([Term("NATO"), Term("Russia")]) },
        { "NATO \"Black Sea\" @vladimir-putin", new AndNode([Term("NATO"), Term("Black Sea"), new FigureNode("vladimir-putin", 18)]) },
        { "NATO NOT Russia", new AndNode([Term("NATO"), new NotNode(Term("Russia"))]) },
        { "NATO AND NOT Russia", new AndNode([Term("NATO"), new NotNode(Term("Russia"))]) },
        { "NOT NOT Russia", new NotNode(new NotNode(Term("Russia"))) },
        { "a AND b AND c", new AndNode([Term("a"), Term("b"), Term("c")]) },
        { "a OR b OR c", new OrNode([Term("a"), Term("b"), Term("c")]) },
        { "a OR b AND c", new OrNode([Term("a"), new AndNode([Term("b"), Term("c")])]) },
        { "a OR b c", new OrNode([Term("a"), new AndNode([Term("b"), Term("c")])]) },
        { "a AND b OR c", new OrNode([new AndNode([Term("a"), Term("b")]), Term("c")]) },
        { "NOT a AND b", new AndNode([new NotNode(Term("a")), Term("b")]) },
        { "NOT a NEAR/3 b", new NotNode(new NearNode([Term("a"), Term("b")], [3])) },
        { "(a OR b) AND c", new AndNode([new OrNode([Term("a"), Term("b")]), Term("c")]) },
        { "a AND (b OR c)", new AndNode([Term("a"), new OrNode([Term("b"), Term("c")])]) },
        { "((a))", Term("a") },
        { "NOT(a OR b)", new NotNode(new OrNode([Term("a"), Term("b")])) },
        { "a OR(b)", new OrNode([Term("a"), Term("b")]) },
        { "Trump NEAR/5 Putin", new NearNode([Term("Trump"), Term("Putin")], [5]) },
        { "a NEAR/1 b", new NearNode([Term("a"), Term("b")], [1]) },
        { "a NEAR/1000 b", new NearNode([Term("a"), Term("b")], [1000]) },
        { "a NEAR/2 b NEAR/7 c", new NearNode([Term("a"), Term("b"), Term("c")], [2, 7]) },
        { "(a OR b) NEAR/10 c", new NearNode([new OrNode([Term("a"), Term("b")]), Term("c")], [10]) },
        { "a NEAR/3 b OR c", new OrNode([new NearNode([Term("a"), Term("b")], [3]), Term("c")]) },
        { "ceasefire*", Prefix("ceasefire") },
        { "\"black se\"*", Prefix("black se") },
        { "title:NATO", Title("NATO") },
        { "title:\"Black Sea\"", Title("Black Sea") },
        { "title:sanction*", new TermNode("sanction", Prefix: true, TitleOnly: true) },
        { "title:NATO OR Rutte", new OrNode([Title("NATO"), Term("Rutte")]) },
        { "@donald-trump", new FigureNode("donald-trump", 1) },
        { "sanctions AND @vladimir-putin", new AndNode([Term("sanctions"), new FigureNode("vladimir-putin", 15)]) },
        { "@a NEAR/15 @b", new NearNode([new FigureNode("a", 1), new FigureNode("b", 12)], [15]) },
        { "(@a)", new FigureNode("a", 2) },
        { "a and b", new AndNode([Term("a"), Term("and"), Term("b")]) },
        { "Trump NEAR Putin", new AndNode([Term("Trump"), Term("NEAR"), Term("Putin")]) },
        { "ORB ANDROID NOTE", new AndNode([Term("ORB"), Term("ANDROID"), Term("NOTE")]) },
    };

    public static TheoryData<string, int, string> SyntaxErrors => new()
    {
        { "", 1, "the query is empty" },
        { "   ", 1, "the query is empty" },
        { "(a OR b", 8, "expected ')'" },
        { "((a)", 5, "expected ')'" },
        { "a)", 2, "unexpected ')' without a matching '('" },
        { "(a) b)", 6, "unexpected ')' without a matching '('" },
        { ")", 1, "expected a term before ')'" },
        { "()", 2, "expected a term before ')'" },
        { "a AND", 6, "expected a term after AND" },
        { "(a AND )", 8, "expected a term after AND" },
        { "(a AND)", 7, "expected a term after AND" },
        { "a OR", 5, "expected a term after OR" },
        { "(a OR)", 6, "expected a term after OR" },
        { "NOT", 4, "expected a term after NOT" },
        { "a AND NOT", 10, "expected a term after NOT" },
        { "(NOT)", 5, "expected a term after NOT" },
        { "AND a", 1, "expected a term before AND" },
        { "OR a", 1, "expected a term before OR" },
        { "a OR OR b", 6, "expected a term before OR" },
        { "a AND AND b", 7, "expected a term before AND" },
        { "NEAR/3 a", 1, "expected a term before NEAR" },
        { "a NEAR/3", 9, "expected a term after NEAR" },
        { "(a NEAR/3)", 10, "expected a term after NEAR" },
        { "a NEAR/0 b", 8, "expected a distance from 1 to 1000 after NEAR/" },
        { "a NEAR/x b", 8, "expected a distance from 1 to 1000 after NEAR/" },
        { "a NEAR/ b", 8, "expected a distance from 1 to 1000 after NEAR/" },
        { "a NEAR/1001 b", 8, "expected a distance from 1 to 1000 after NEAR/" },
        { "\"Black Sea", 1, "unterminated \"phrase\"" },
        { "Ukraine \"Black Sea", 9, "unterminated \"phrase\"" },
        { "\"\"", 1, "empty \"phrase\"" },
        { "a \"   \"", 3, "empty \"phrase\"" },
        { "*", 1, "'*' is allowed only at the end of a term, after at least one letter" },
        { "a *", 3, "'*' is allowed only at the end of a term, after at least one letter" },
        { "cease*fire", 1, "'*' is allowed only at the end of a term, after at least one letter" },
        { "@", 1, "expected a figure id after '@'" },
        { "a AND @ b", 7, "expected a figure id after '@'" },
        { "title:", 7, "expected a term or \"phrase\" right after title:" },
        { "title: NATO", 7, "expected a term or \"phrase\" right after title:" },
        { "title:(NATO)", 7, "expected a term or \"phrase\" right after title:" },
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public void EveryConstructParsesToItsTree(string query, QueryNode expected)
    {
        var actual = QueryParser.Parse(query);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void EverySyntaxErrorNamesItsColumnAndReason(string query, int column, string reason)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));

        Assert.Equal((column, reason), (error.Column, error.Reason));
    }

    [Fact]
    public void SyntaxErrorMessageStartsWithTheColumn()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse("a NEAR/0 b"));

        Assert.Equal("col 8: expected a distance from 1 to 1000 after NEAR/", error.Message);
    }

    [Fact]
    public void LeavesAreTheTermsAndFiguresLeftToRight()
    {
        var query = QueryParser.Parse("a AND (@x OR NOT \"b c\") NEAR/2 d*");

        var leaves = QueryNode.Leaves(query);

        Assert.Equal([Term("a"), new FigureNode("x", 8), Term("b c"), Prefix("d")], leaves);
    }

    private static TermNode Term(string text) => new(text, Prefix: false, TitleOnly: false);

    private static TermNode Prefix(string text) => new(text, Prefix: true, TitleOnly: false);

    private static TermNode Title(string text) => new(text, Prefix: false, TitleOnly: true);
}
