namespace NewsMonitor.Configuration;

/// <summary>
/// A configuration file that has never validated, so there is no good version to fall back on: work that needs it has
/// to wait until the file is fixed. Not the fault of the message being handled.
/// </summary>
public sealed class ConfigurationUnavailableException(ConfigurationProblem problem, Exception inner)
    : Exception(inner.Message, inner)
{
    public ConfigurationProblem Problem { get; } = problem;
}
