using System.CommandLine;
using NewsMonitor.Cli;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Cli.Syntax;

namespace NewsMonitor.IntegrationTests;

/// <summary>
/// The command line as System.CommandLine reads it from the declarations: help per command, the version, usage errors
/// with the nearest valid name and exit code 2, flags named as typed, and the completions the shell scripts ask for.
/// </summary>
public sealed class CliSyntaxTests
{
    /// <summary>Storage nothing answers for and that is not the development account, so no Azurite is started.</summary>
    private static readonly Dictionary<string, string?> NoStorage = new()
    {
        ["AzureWebJobsStorage"] = NewsMonitor.Cli.LocalHost.AzuriteProcess.ConnectionStringFor(1, 1, 1).Replace("devstoreaccount1", "unreachable", StringComparison.Ordinal),
    };

    public static TheoryData<string, string> CommandsAndAnOptionOfEach => new()
    {
        { "demo", "--site <DIR>" },
        { "run", "--once" },
        { "check", "--explain" },
        { "extract", "--allow-private" },
        { "feed", "--json" },
        { "feeds", "--format <table|json>" },
        { "matches", "--min-score <S>" },
        { "search", "--cursor <C>" },
        { "backtest", "--watchlist <FILE>" },
        { "show", "--plain" },
        { "entities", "--format <table|json>" },
        { "volume", "--bucket <day|hour>" },
        { "purge", "--yes" },
        { "backfill", "--status" },
        { "config push", "--container <NAME>" },
        { "digest", "--preview <FILE.html>" },
        { "subscriptions", "--format <table|json>" },
        { "poison list", "--queue <QUEUE>" },
        { "poison replay", "--all" },
        { "feed-url", "--base-url <URL>" },
        { "serve", "--port <N>" },
        { "azurite status", "--help" },
    };

    [Theory]
    [MemberData(nameof(CommandsAndAnOptionOfEach))]
    public async Task EachCommandPrintsItsHelpWithOptionsAndExamples(string command, string option)
    {
        string[] path = command.Split(' ');

        var help = await RunAsync([.. path, "--help"]);
        var shortHelp = await RunAsync([.. path, "-h"]);
        var helpCommand = await RunAsync(["help", .. path]);

        Assert.Equal((0, string.Empty), (help.Exit, help.Error));
        Assert.Contains($"  monitor {command}", help.Output, StringComparison.Ordinal);
        Assert.Contains(option, help.Output, StringComparison.Ordinal);
        Assert.Equal(help, shortHelp);
        Assert.Equal(help, helpCommand);
    }

    [Fact]
    public void EveryCommandHasExamplesAndEverySymbolADescription()
    {
        var root = CliCommands.Declare(new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>()));

        var commands = Descendants(root).Cast<MonitorCommand>().ToList();

        Assert.All(commands.Where(c => c.Subcommands.Count == 0), c => Assert.True(c.Examples.Count > 0 || c.Parents.OfType<MonitorCommand>().Single().Examples.Count > 0, $"{c.Name} has no examples"));
        Assert.All(commands.SelectMany(c => c.Options.Cast<Symbol>().Concat(c.Arguments).Append(c)), s => Assert.False(string.IsNullOrWhiteSpace(s.Description), $"{s.Name} has no description"));
    }

    [Fact]
    public async Task VersionPrintsTheInformationalVersionOfTheCli()
    {
        var version = await RunAsync(["--version"]);

        Assert.Equal(0, version.Exit);
        Assert.Equal(VersionAction.Version, version.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+(\+[0-9a-f]{7,40})?$", version.Output.Trim());
    }

    [Fact]
    public async Task NoCommandPrintsTheCommandListAndExitsTwo()
    {
        var result = await RunAsync([]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("Commands:", result.Output, StringComparison.Ordinal);
        Assert.Contains("  matches ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Tab completion: docs/cli.md", result.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["matchs"], "monitor: unknown command \"matchs\"; did you mean matches?" },
        { ["matches", "--entiy", "vladimir-putin"], "monitor matches: unknown option \"--entiy\"; did you mean --entity?" },
        { ["check", "story.html", "--jsn"], "monitor check: unknown option \"--jsn\"; did you mean --json?" },
        { ["poison", "replay", "--queu", "articles"], "monitor poison replay: unknown option \"--queu\"; did you mean --queue?" },
        { ["feeds", "--xyz"], "monitor feeds: unknown option \"--xyz\"" },
        { ["run", "now"], "monitor run: unknown argument \"now\"" },
        { ["volume", "vladimir-putin", "--format", "xml"], "monitor volume: --format: \"xml\" is not one of chart, table, json, csv" },
        { ["matches", "--since"], "monitor matches: Required argument missing for option: '--since'." },
        { ["poison"], "monitor poison: give a command: list, replay" },
        { ["check"], "monitor check: Required argument 'file-or-url' missing for command: 'check'." },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task AUsageErrorNamesWhatWasTypedAndTheNearestValidNameAndExitsTwo(string[] args, string expected)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.Exit);
        Assert.Equal(expected, result.Error.Split('\n')[0].TrimEnd());
        Assert.Empty(result.Output);
    }

    public static TheoryData<string[], string> ProblemsNamingTheFlag => new()
    {
        { ["matches", "--since", "1d", "--until", "3d"], "monitor matches: --since: must be earlier than --until" },
        { ["matches", "--min-score", "2"], "monitor matches: --min-score: \"2\" must be a number from 0 to 1" },
        { ["matches", "--all", "--entity", "nato"], "monitor matches: --all: needs at least two --entity parameters" },
        { ["matches", "--limit", "0", "--sort", "size"], "monitor matches: --limit: \"0\" must be a whole number from 1 to 200\nmonitor matches: --sort: \"size\" is not one of time, score" },
        { ["search", "levy", "--since", "soon"], "monitor search: --since: \"soon\" is not an ISO-8601 time or a duration like 7d" },
        { ["volume", "vladimir-putin", "--until", "later"], "monitor volume: --until: \"later\" is not an ISO-8601 time or a duration such as 24h or 7d" },
    };

    [Theory]
    [MemberData(nameof(ProblemsNamingTheFlag))]
    public async Task ProblemsFoundAfterParsingNameTheFlagNotTheQueryParameterOnePerLine(string[] args, string expected)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.Exit);
        Assert.Equal(expected, result.Error.TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ArgumentsAfterADoubleDashAreFilesEvenWhenTheyLookLikeOptions()
    {
        var result = await RunAsync(["extract", "--json", "--", "--no-such-file.html"]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("\"source\":\"--no-such-file.html\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("no such file", result.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> Completions => new()
    {
        { "mat", ["matches"] },
        { "matches --f", ["--feed", "--format"] },
        { "matches --format ", ["csv", "json", "table"] },
        { "matches --review ", ["any", "dismissed", "relevant", "starred", "unreviewed"] },
        { "poison replay --queue ", ["alerts", "articles", "backfill", "feeds", "spikes"] },
        { "azurite s", ["start", "status", "stop"] },
    };

    /// <summary>What the shell scripts in docs/cli.md ask: <c>monitor "[suggest:N]" "line"</c>, one completion a line.</summary>
    [Theory]
    [MemberData(nameof(Completions))]
    public async Task TheSuggestDirectiveCompletesCommandsOptionsAndValues(string line, string[] expected)
    {
        var result = await RunAsync([$"[suggest:{line.Length}]", line]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(expected, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => !c.StartsWith('-') || line.Contains(" -", StringComparison.Ordinal)));
    }

    private static IEnumerable<Command> Descendants(Command command) => command.Subcommands.SelectMany(c => Descendants(c).Prepend(c));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(args, output, error, NoStorage);

        return (exit, output.ToString(), error.ToString());
    }
}
