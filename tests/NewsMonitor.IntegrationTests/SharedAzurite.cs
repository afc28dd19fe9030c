namespace NewsMonitor.IntegrationTests;

/// <summary>Tests that share the one Azurite and demo site of <see cref="LocalEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAzurite : ICollectionFixture<LocalEnvironment>
{
    public const string Name = "Azurite";
}
