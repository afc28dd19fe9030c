using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Queues;

namespace NewsMonitor.Hosting;

/// <summary>
/// A queue-triggered stage, declared once: its function name, the queue that triggers it, the message it reads and the
/// Core handler it calls. The function classes and <c>monitor run</c> both call <see cref="RunAsync(IServiceProvider, string, CancellationToken)"/> or its typed form.
/// </summary>
public abstract class QueueStage(string name, string queue, Type messageType)
{
    /// <summary>The function name, in Azure and in the local host's logs.</summary>
    public string Name { get; } = name;

    public string Queue { get; } = queue;

    public Type MessageType { get; } = messageType;

    /// <summary>
    /// Handles one message as its queue holds it (JSON) and returns the handler's outcome. A message that is not the
    /// stage's JSON throws, so the listener retries it and then moves it to the poison queue.
    /// </summary>
    public abstract Task<object?> RunAsync(IServiceProvider services, string message, CancellationToken cancellationToken = default);
}

/// <summary>A queue stage whose handler reads a <typeparamref name="TMessage"/> and returns a <typeparamref name="TOutcome"/>.</summary>
public sealed class QueueStage<TMessage, TOutcome>(string name, string queue, Func<IServiceProvider, TMessage, CancellationToken, Task<TOutcome>> handler)
    : QueueStage(name, queue, typeof(TMessage))
{
    public Task<TOutcome> RunAsync(IServiceProvider services, TMessage message, CancellationToken cancellationToken = default)
        => handler(services, message, cancellationToken);

    public override async Task<object?> RunAsync(IServiceProvider services, string message, CancellationToken cancellationToken = default)
        => await handler(services, Deserialize(message), cancellationToken).ConfigureAwait(false);

    private TMessage Deserialize(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<TMessage>(text, JsonDefaults.Options) ?? throw new PipelineException($"{Queue}: the message is JSON null");
        }
        catch (JsonException ex)
        {
            throw new PipelineException($"{Queue}: the message is not a valid {typeof(TMessage).Name}: {ex.Message}", ex);
        }
    }
}
