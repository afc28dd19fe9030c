using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;

namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// Where the SDK reports an error its listener could not handle — say storage unreachable in a way it does not retry.
/// The SDK's default handler ends the process and the Functions host then restarts the job host; <c>monitor run</c>
/// restarts its listener instead (<see cref="LocalPipeline"/>), so a storage outage pauses the run rather than ending it.
/// </summary>
internal sealed class ListenerFailure : IWebJobsExceptionHandlerFactory, IWebJobsExceptionHandler
{
    private readonly TaskCompletionSource<Exception> failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first error the listener reported.</summary>
    public Task<Exception> Failed => failed.Task;

    public IWebJobsExceptionHandler Create(IHost jobHost) => this;

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
    {
        failed.TrySetResult(exceptionInfo.SourceException);
        return Task.CompletedTask;
    }

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        failed.TrySetResult(exceptionInfo.SourceException);
        return Task.CompletedTask;
    }
}
