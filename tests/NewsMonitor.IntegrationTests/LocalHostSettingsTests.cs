using Microsoft.Extensions.Configuration;
using NewsMonitor.Cli.Commands;
using NewsMonitor.Cli.LocalHost;

namespace NewsMonitor.IntegrationTests;

/// <summary><c>monitor run</c> reads host.json and the timer schedules as the Functions host does.</summary>
public sealed class LocalHostSettingsTests
{
    private static readonly string HostJson = Path.Combine(LocalEnvironment.RepositoryRoot, "host.json");

    [Fact]
    public void QueueSettingsComeFromTheRootHostJson()
    {
        var settings = QueueSettings.Load(HostJson, new ConfigurationBuilder().Build());

        Assert.Equal(5, settings.MaxDequeueCount);
        Assert.Equal(16, settings.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.VisibilityTimeout);
    }

    [Fact]
    public void AppSettingsOverrideHostJsonAsInAzure()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02",
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "4",
        }).Build();

        var settings = QueueSettings.Load(HostJson, configuration);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.VisibilityTimeout);
        Assert.Equal(4, settings.BatchSize);
        Assert.Equal(5, settings.MaxDequeueCount);
    }

    [Fact]
    public void AnInvalidQueueSettingNamesTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "64" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => QueueSettings.Load(HostJson, configuration));

        Assert.Contains("extensions.queues.batchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageLeaseIsOneMinuteUnlessSet()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LocalHost:MessageLease"] = "00:00:05" }).Build();

        Assert.Equal(TimeSpan.FromMinutes(1), QueueSettings.Load(HostJson, new ConfigurationBuilder().Build()).MessageLease);
        Assert.Equal(TimeSpan.FromSeconds(5), QueueSettings.Load(HostJson, configuration).MessageLease);
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("8.00:00:00")]
    [InlineData("soon")]
    public void AMessageLeaseOutsideWhatTheQueueServiceAcceptsIsRefused(string lease)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LocalHost:MessageLease"] = lease }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => QueueSettings.Load(HostJson, configuration));

        Assert.Contains($"LocalHost:MessageLease: \"{lease}\"", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Schedules => new()
    {
        { "0 */5 * * * *", "2026-01-01T10:02:30Z", "2026-01-01T10:05:00Z" },
        { "0 0 * * * *", "2026-01-01T10:02:30Z", "2026-01-01T11:00:00Z" },
        { "*/15 * * * *", "2026-01-01T10:02:30Z", "2026-01-01T10:15:00Z" },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void SchedulesAreNcrontabWithOrWithoutSeconds(string expression, string now, string next)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PollSchedule"] = expression }).Build();

        var schedule = RunCommand.ParseSchedule(configuration, "PollSchedule", RunCommand.DefaultPollSchedule);

        Assert.Equal(DateTime.Parse(next, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), schedule.GetNextOccurrence(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Fact]
    public void ABadScheduleNamesTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DigestSchedule"] = "every hour" }).Build();

        var error = Assert.Throws<UsageException>(() => RunCommand.ParseSchedule(configuration, "DigestSchedule", RunCommand.DefaultDigestSchedule));

        Assert.Contains("DigestSchedule", error.Message, StringComparison.Ordinal);
    }
}
