using Azure;

namespace NewsMonitor.Storage;

/// <summary>Recognises a storage call that failed because the service could not be reached or refused the request.</summary>
public static class StorageErrors
{
    /// <summary>
    /// True for a service error, a transport failure, or the <see cref="AggregateException"/> the Azure SDK throws once its
    /// own retries of transport failures are used up.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnavailable),
        _ => false,
    };

    /// <summary>
    /// True when no answer came at all: the Azure SDK reports a dead endpoint as status 0, after its retries as several of
    /// them in one <see cref="AggregateException"/>. What the CLI calls "storage cannot be reached".
    /// </summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnreachable),
        _ => false,
    };

    /// <summary>
    /// True when the service could not be reached or asked to come back later (timeouts, throttling, server errors):
    /// a fault of the moment, not of the request. A 4xx answer is about the request and is not transient.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
