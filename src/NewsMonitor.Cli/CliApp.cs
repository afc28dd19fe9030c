using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Cli.LocalHost;
using NewsMonitor.Cli.Syntax;
using NewsMonitor.Configuration;
using NewsMonitor.Escaping;
using NewsMonitor.Storage;
using NewsMonitor.Watchlists;

namespace NewsMonitor.Cli;

/// <summary>
/// The <c>monitor</c> command: parses with the declarations of <see cref="CliCommands"/>, runs the command, and turns
/// expected failures into messages and exit codes: 0 done, 1 failed, 2 the command line is wrong.
/// </summary>
internal static class CliApp
{
    private static readonly ParserConfiguration Parsing = new()
    {
        // "@file" is a file to read (monitor check @notes.txt), as before, not a response file of more arguments.
        ResponseFileTokenReplacer = null,
    };

    /// <summary>
    /// Starts Azurite when nothing listens on the local development account's ports, and creates the deployment's queues,
    /// containers and tables as <c>run</c> would, so that reading a fresh local storage shows it empty rather than failing.
    /// </summary>
    private static async Task PrepareLocalStorageAsync(CliContext context, DevelopmentStorage local, CancellationToken cancellationToken)
    {
        await LocalAzurite.EnsureRunningAsync(local, context.Error, cancellationToken);
        await using var services = context.BuildServices();
        await services.GetRequiredService<MonitorStorage>().EnsureCreatedAsync(cancellationToken);
    }

    /// <summary>What to do about unreachable storage: it is either the local Azurite or an account this machine cannot reach.</summary>
    private static string UnreachableHint(CliContext context)
        => DevelopmentStorage.From(context.BuildConfiguration()) is { } local
            ? $"Azurite on {local.Address} stopped answering: `monitor azurite status` shows whether it runs and where its log is; any command that needs storage starts it again once nothing listens on its ports."
            : "AzureWebJobsStorage is not the local development account, so no Azurite is started: check AzureWebJobsStorage (or its __accountName / __*ServiceUri settings) and that this machine can reach that storage account.";

    /// <summary>An error message as printed: with credentials in URLs masked and control characters shown, never acted on.</summary>
    private static string Shown(string message) => ControlCharacters.Reveal(UrlCredentials.MaskedIn(message), keepLineBreaks: true);

    /// <param name="overrides">Settings that win over every other source (tests use them to point at their own Azurite).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        // --quiet is declared on the root for help and completion, but the context (its terminal) is made before parsing.
        var quiet = args.TakeWhile(arg => arg != "--").Contains(CliCommands.QuietOption);
        var context = new CliContext(output, error, overrides ?? new Dictionary<string, string?>(), quiet);
        var result = CliCommands.Declare(context).Parse(args is ["help", .. var topic] ? [.. topic, "--help"] : args, Parsing);
        // Exceptions reach the catches below; Ctrl+C is Program.cs's, which cancels cancellationToken (tests pass their own).
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (args.Length == 0)
        {
            // The command list, and exit code 2: nothing was asked for.
            result.RootCommandResult.Command.Parse(["--help"], Parsing).Invoke(invocation);
            return 2;
        }

        var path = CommandPath(result.CommandResult);
        var command = result.CommandResult.Command as MonitorCommand;
        var runsCommand = command is not null && ReferenceEquals(result.Action, command.Action);
        if (result.Action is ParseErrorAction || runsCommand)
        {
            var problems = UsageErrors.Describe(result);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync($"{path}: {ControlCharacters.Reveal(problem)}");
                }

                await error.WriteLineAsync($"See '{path} --help'.");
                return 2;
            }
        }

        if (!runsCommand)
        {
            // --help, --version, [suggest:N]: print and return 0.
            return await result.InvokeAsync(invocation, cancellationToken);
        }

        try
        {
            if (command!.NeedsStorage && DevelopmentStorage.From(context.BuildConfiguration()) is { } local)
            {
                await PrepareLocalStorageAsync(context, local, cancellationToken);
            }

            return await result.InvokeAsync(invocation, cancellationToken);
        }
        catch (UsageException ex)
        {
            foreach (var problem in ex.Message.Split('\n'))
            {
                await error.WriteLineAsync($"{path}: {Shown(problem)}");
            }

            return 2;
        }
        catch (Exception ex) when (StorageErrors.IsUnreachable(ex))
        {
            var reason = (ex as AggregateException)?.InnerExceptions[^1].Message ?? ex.Message;
            await error.WriteLineAsync($"{path}: storage cannot be reached ({Shown(reason).ReplaceLineEndings(" ")}). {UnreachableHint(context)}");
            return 1;
        }
        catch (Exception ex) when (ex is WatchlistException or ConfigFileException or ConfigurationUnavailableException or InvalidDataException or OptionsValidationException or InvalidOperationException or Azure.RequestFailedException or DirectoryNotFoundException or FileNotFoundException)
        {
            // Messages can carry what a server or a file said: shown, never interpreted by the terminal.
            await error.WriteLineAsync($"{path}: {Shown(ex.Message)}");
            return 1;
        }
    }

    /// <summary>"monitor poison replay": how messages name the command they come from.</summary>
    private static string CommandPath(CommandResult result)
        => result.Parent is CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : "monitor";
}
