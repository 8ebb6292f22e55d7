using AIOps.Core.Model;
using AIOps.Server.Storage;

namespace AIOps.Server.Tests.Storage;

public sealed class FileIncidentStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aiops-store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task PublishAsync_ThenReopen_KeepsHighestVersionOfEach()
    {
        using (var sut = new FileIncidentStore(_directory))
        {
            await sut.PublishAsync(TestIncidents.Create("inc-a", 1), default);
            await sut.PublishAsync(TestIncidents.Create("inc-a", 2), default);
            await sut.PublishAsync(TestIncidents.Create("inc-b", 1), default);
        }

        using var reopened = new FileIncidentStore(_directory);

        Assert.Equal(2, reopened.List().Count);
        var a = reopened.Get("inc-a")!;
        Assert.Equal(2, a.Version);
        Assert.Equal("db", a.RootCause!.Candidates[0].Entity);
        Assert.Equal(LabelSet.From(("service.name", "db")), a.Signals[0].Labels);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_directory, FileIncidentStore.FileName)).Length);
    }

    [Fact]
    public async Task PublishAsync_OlderOrSameVersion_IsIgnored()
    {
        using var sut = new FileIncidentStore(_directory);
        var stored = 0;
        sut.Stored += _ => stored++;

        await sut.PublishAsync(TestIncidents.Create("inc-a", 3), default);
        await sut.PublishAsync(TestIncidents.Create("inc-a", 2), default);
        await sut.PublishAsync(TestIncidents.Create("inc-a", 3), default);

        Assert.Equal(3, sut.Get("inc-a")!.Version);
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Open_TornLastLine_IsCountedAndSkipped()
    {
        using (var sut = new FileIncidentStore(_directory))
        {
            await sut.PublishAsync(TestIncidents.Create("inc-a", 1), default);
        }

        await File.AppendAllTextAsync(Path.Combine(_directory, FileIncidentStore.FileName), "{\"id\":\"inc-b\",\"vers");

        using var reopened = new FileIncidentStore(_directory);

        Assert.Equal(1, reopened.CorruptLines);
        Assert.Single(reopened.List());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
