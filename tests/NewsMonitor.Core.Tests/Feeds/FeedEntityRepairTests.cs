using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedEntityRepairTests
{
    public static TheoryData<string, string> Repairs => new()
    {
        { "<t>Fish & Chips &amp; more &lt;3</t>", "<t>Fish &amp; Chips &amp; more &lt;3</t>" },
        { "<t>tsch&uuml;ss &eacute;t&eacute; &nbsp;&hellip;</t>", "<t>tsch&#252;ss &#233;t&#233; &#160;&#8230;</t>" },
        { "<t>&doesnotexist; entity</t>", "<t>&amp;doesnotexist; entity</t>" },
        { "<t>?page=1&copy=2;mode=x</t>", "<t>?page=1&amp;copy=2;mode=x</t>" },
        { "<a href=\"http://x/?a=1&b=2\"/>", "<a href=\"http://x/?a=1&amp;b=2\"/>" },
        { "<t>&#X41; &#x42; &#67;</t>", "<t>&#x41; &#x42; &#67;</t>" },
        { "<t>&#0; &#x1F;</t>", "<t>\uFFFD \uFFFD</t>" },
        { "<t>&#; &#x; &#12a;</t>", "<t>&amp;#; &amp;#x; &amp;#12a;</t>" },
        { "<t><![CDATA[a & b &nbsp;]]> & <!-- & --> <?pi & ?></t>", "<t><![CDATA[a & b &nbsp;]]> &amp; <!-- & --> <?pi & ?></t>" },
        { "<t>&amp;&lt;&gt;&quot;&apos;</t>", "<t>&amp;&lt;&gt;&quot;&apos;</t>" },
        { "<rss><channel/></rss", "<rss><channel/></rss>" },
        { "<rss><channel/></rss  \n", "<rss><channel/></rss>" },
        { "<t>&</t>", "<t>&amp;</t>" },
    };

    [Theory]
    [MemberData(nameof(Repairs))]
    public void TextIsRepaired(string text, string repaired) => Assert.Equal(repaired, FeedEntityRepair.Repair(text));

    [Fact]
    public void WellFormedTextIsReturnedAsItIs()
    {
        const string text = "<rss><channel><title>A &amp; B</title></channel></rss>";

        Assert.Same(text, FeedEntityRepair.Repair(text));
    }
}
