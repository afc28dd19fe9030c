using System.Text.RegularExpressions;

namespace NewsMonitor.InfraTests;

/// <summary>
/// Every relative link of the repository's Markdown pages, and every <c>….md</c> page a comment in the deployment
/// files names, leads to a file of the repository — and a link's <c>#anchor</c> to a heading of that page.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", ".local", ".git", "TestResults", "BenchmarkDotNet.Artifacts"];

    public static TheoryData<string> MarkdownPages => new(Files("*.md"));

    public static TheoryData<string> DeploymentFiles => new([.. new[] { "*.bicep", "*.yaml", "*.json", "*.sh", "*.ps1" }.SelectMany(Files)]);

    public static TheoryData<string, string, bool> LinkRows => new()
    {
        { "PageBesideIt", "cli.md", true },
        { "PageInAFolderAbove", "../README.md", true },
        { "HeadingOfAnotherPage", "spikes.md#volume-counts-kept-on-write", true },
        { "HeadingOfThisPage", "#the-archive", true },
        { "FolderOfTheRepository", "../infra", true },
        { "PageThatIsNotThere", "README-sections.md", false },
        { "HeadingThatIsNotThere", "spikes.md#no-such-heading", false },
        { "PageOutsideTheRepository", "../../shared/DESIGN.md", false },
    };

    [Theory]
    [MemberData(nameof(LinkRows))]
    public void ALinkResolvesOnlyToAFileAndHeadingOfTheRepository(string name, string link, bool resolves)
    {
        var page = Repository.File("docs", "storage.md");

        Assert.True(Problem(page, link) is null == resolves, $"{name}: {link} → {Problem(page, link) ?? "resolves"}");
    }

    [Theory]
    [MemberData(nameof(MarkdownPages))]
    public void EveryRelativeLinkOfAPageResolves(string page)
    {
        var text = CodeSpan().Replace(CodeBlock().Replace(File.ReadAllText(Repository.File(page)), string.Empty), string.Empty);

        var broken = MarkdownLink().Matches(text).Select(m => m.Groups["target"].Value)
            .Where(target => !IsExternal(target))
            .Select(target => Problem(Repository.File(page), target))
            .OfType<string>()
            .ToList();

        Assert.True(broken.Count == 0, $"{page}:\n" + string.Join("\n", broken));
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void EveryPageADeploymentFileNamesExists(string file)
    {
        var missing = PageName().Matches(File.ReadAllText(Repository.File(file))).Select(m => m.Value)
            .Where(page => !IsExternal(page))
            .Where(page => !File.Exists(Repository.File(page)) && !File.Exists(Path.Combine(Path.GetDirectoryName(Repository.File(file))!, page)))
            .ToList();

        Assert.True(missing.Count == 0, $"{file} names pages the repository does not have: {string.Join(", ", missing)}");
    }

    /// <summary>What is wrong with a relative link from <paramref name="page"/>, or null when it resolves.</summary>
    private static string? Problem(string page, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var target = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));

        if (!target.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && target != Repository.Root)
        {
            return $"{link}: outside the repository ({target})";
        }

        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return $"{link}: no {Path.GetRelativePath(Repository.Root, target)}";
        }

        if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal) && !Anchors(target).Contains(anchor))
        {
            return $"{link}: {Path.GetRelativePath(Repository.Root, target)} has no heading #{anchor}";
        }

        return null;
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as '-', repeats numbered.</summary>
    private static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var text = CodeBlock().Replace(File.ReadAllText(page), string.Empty);
        foreach (Match heading in Heading().Matches(text))
        {
            var slug = Slug().Replace(heading.Groups["title"].Value.Trim().ToLowerInvariant().Replace("`", string.Empty, StringComparison.Ordinal), string.Empty).Replace(' ', '-');
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    private static bool IsExternal(string target) => target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal);

    private static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Repository.Root, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
            .Order(StringComparer.Ordinal);

    // [text](target) and ![alt](target), the target up to a space (a title may follow) or the closing parenthesis.
    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\s_-]")]
    private static partial Regex Slug();

    // A page named in a comment: a path of letters, digits, '.', '_', '-' and '/' ending in .md.
    [GeneratedRegex(@"(?<![\w/.-])[\w./-]+\.md\b")]
    private static partial Regex PageName();
}
