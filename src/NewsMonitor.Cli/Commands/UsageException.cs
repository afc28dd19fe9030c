namespace NewsMonitor.Cli.Commands;

/// <summary>The command line itself is wrong; the CLI prints each line of the message, prefixed with the command, and exits with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>Several problems, one a line.</summary>
    public UsageException(IEnumerable<string> problems)
        : this(string.Join('\n', problems))
    {
    }
}
