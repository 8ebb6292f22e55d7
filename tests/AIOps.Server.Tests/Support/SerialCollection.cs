namespace AIOps.Server.Tests.Support;

/// <summary>Tests that read process-wide telemetry (meters, activity listeners) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
