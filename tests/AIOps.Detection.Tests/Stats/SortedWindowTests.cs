using AIOps.Detection.Stats;

namespace AIOps.Detection.Tests.Stats;

public class SortedWindowTests
{
    [Fact]
    public void Quantile_AfterManyAdds_MatchesSortingTheLastValues()
    {
        var sut = new SortedWindow(31);
        var random = new Random(674386);
        var all = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var v = Math.Round(random.NextDouble() * 20); // duplicates on purpose
            sut.Add(v);
            all.Add(v);
            var last = all.Skip(Math.Max(0, all.Count - 31)).Order().ToArray();
            Assert.Equal(last[(last.Length - 1) / 2] + (last.Length % 2 == 0 ? (last[last.Length / 2] - last[(last.Length - 1) / 2]) / 2 : 0), sut.Quantile(0.5), 9);
            Assert.Equal(last[0], sut.Quantile(0));
            Assert.Equal(last[^1], sut.Quantile(1));
        }

        Assert.Equal(all[^3], sut.Lag(3));
    }
}
