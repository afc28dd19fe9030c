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
}
