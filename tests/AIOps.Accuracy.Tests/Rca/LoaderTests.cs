using AIOps.Accuracy.Rca;

namespace AIOps.Accuracy.Tests.Rca;

public sealed class LoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aiops-rca-loaders-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PetShopLoadMetrics_FourHeaderRows_EntityIsTheNodeWithUnderscores()
    {
        var path = Path.Combine(_dir, "metrics.csv");
        File.WriteAllLines(path,
        [
            "microservice,PetSearch_AWS::ECS::Fargate,PetSite",
            "metric,latency,availability",
            "statistic,p99,Average",
            "unix_timestamp,,",
            "1681855620.0,0.5,100",
            "1681855320.0,0.25,",
        ]);

        var sut = PetShopLoader.LoadMetrics(path);

        Assert.Equal([1681855320.0, 1681855620.0], sut.Times);
        Assert.Equal("PetSearch_AWS::ECS::Fargate", sut.Columns[0].Entity);
        Assert.Equal("latency_p99", sut.Columns[0].Metric);
        Assert.Equal([0.25, 0.5], sut.Columns[0].Values);
        Assert.True(double.IsNaN(sut.Columns[1].Values[0]));
    }

    [Fact]
    public void PetShopLoadGraph_RowCallsColumn()
    {
        var path = Path.Combine(_dir, "graph.csv");
        File.WriteAllLines(path, [",a,b,c", "a,0.0,1.0,0.0", "b,0.0,0.0,1.0", "c,0.0,0.0,0.0"]);

        var sut = PetShopLoader.LoadGraph(path);

        Assert.Equal(["b"], sut.Callees("a"));
        Assert.Equal(["c"], sut.Callees("b"));
        Assert.Empty(sut.Callees("c"));
    }

    [Fact]
    public void SockShopLoad_CaseFolders_CauseIsServiceAndInjectionIsFirstAnomalousRow()
    {
        var run = Directory.CreateDirectory(Path.Combine(_dir, "carts-db-cpu", "1")).FullName;
        File.WriteAllLines(Path.Combine(run, "normal.csv"), ["time,carts-db_cpu", "500,1", "501,1"]);
        File.WriteAllLines(Path.Combine(run, "anomalous.csv"), ["time,carts-db_cpu", "100,90", "101,95"]);

        var sut = Assert.Single(SockShopLoader.Load(_dir));

        Assert.Equal("carts-db", sut.RootCause);
        Assert.Equal(100, sut.InjectionUnixSeconds);
        Assert.Equal(4, sut.Frame.Length);
        Assert.Equal(2, sut.Frame.RowAtOrAfter(sut.InjectionUnixSeconds));
    }
}
