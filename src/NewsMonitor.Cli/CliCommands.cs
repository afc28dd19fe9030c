using System.CommandLine;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Cli.Syntax;

namespace NewsMonitor.Cli;

/// <summary>
/// Every <c>monitor</c> command, declared once: each command's file declares its arguments, options, help text and
/// examples next to what it does, and this list makes them the tree that parses, prints help and completes.
/// </summary>
internal static class CliCommands
{
    private const string Notes = """
        Settings come from local.settings.json (Values) in the current folder, then environment variables
        (AzureWebJobsStorage, Monitor__WatchlistPath, …). With AzureWebJobsStorage the local development account (the
        default), every command that needs storage starts Azurite when nothing listens on its ports (data in
        .local/azurite) and leaves it running; `monitor azurite stop` stops it.
        Exit codes: 0 done, 1 failed, 2 the command line is wrong. Tab completion: docs/cli.md.
        """;

    /// <summary>Taken by every command; read before parsing too (<see cref="CliApp"/>), since the context's terminal depends on it.</summary>
    public const string QuietOption = "--quiet";

    public static RootCommand Declare(CliContext context)
    {
        var root = new RootCommand("monitor — track figures and topics in news feeds")
        {
            HelpName = "monitor",
        };
        var quiet = CliOptions.Switch(QuietOption, "No progress line on a terminal and no closing summary line; only warnings and errors logged.");
        quiet.Recursive = true;
        root.Options.Add(quiet);
        Command[] commands =
        [
            DemoCommand.Declare(context),
            RunCommand.Declare(context),
            InputCommands.DeclareCheck(context),
            InputCommands.DeclareExtract(context),
            InputCommands.DeclareFeed(context),
            FeedsCommand.Declare(context),
            MatchesCommand.Declare(context),
            SearchCommand.Declare(context),
            BacktestCommand.Declare(context),
            ShowCommand.Declare(context),
            EntitiesCommand.Declare(context),
            VolumeCommand.Declare(context),
            PurgeCommand.Declare(context),
            BackfillCommand.Declare(context),
            ConfigCommand.Declare(context),
            DigestCommand.Declare(context),
            SubscriptionsCommand.Declare(context),
            PoisonCommand.Declare(context),
            FeedUrlCommand.Declare(context),
            ServeCommand.Declare(context),
            AzuriteCommand.Declare(context),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        HelpWithExamples.Install(root, Notes);
        VersionAction.Install(root);
        return root;
    }
}
