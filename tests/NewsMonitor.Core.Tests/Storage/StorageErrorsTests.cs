using Azure;
using NewsMonitor.Storage;

namespace NewsMonitor.Core.Tests.Storage;

public sealed class StorageErrorsTests
{
    public static TheoryData<string, Exception, bool> Unreachable => new()
    {
        { "NoAnswer", new RequestFailedException(0, "Connection refused"), true },
        { "NoAnswerAfterEveryRetry", new AggregateException(new RequestFailedException(0, "refused"), new RequestFailedException(0, "refused")), true },
        { "AnAnswerAmongTheRetries", new AggregateException(new RequestFailedException(0, "refused"), new RequestFailedException(503, "busy")), false },
        { "AnErrorAnswer", new RequestFailedException(404, "Not found"), false },
        { "SomethingElse", new InvalidOperationException("bug"), false },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void OnlyAStorageThatNeverAnsweredIsUnreachable(string name, Exception exception, bool unreachable)
        => Assert.True(StorageErrors.IsUnreachable(exception) == unreachable, name);
}
