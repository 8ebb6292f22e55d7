using AIOps.RootCause.Series;

namespace AIOps.Accuracy.Rca;

/// <summary>
/// Sock Shop (RCD): <c>&lt;service&gt;-&lt;cpu|mem&gt;/&lt;n&gt;/{normal,anomalous}.csv</c>. The frame is normal then
/// anomalous (recorded at different times, so the gap is in the time column); the fault is injected at the first
/// anomalous row and the cause is the folder's service.
/// </summary>
internal static class SockShopLoader
{
    public static List<RcaCase> Load(string root)
    {
        var cases = new List<RcaCase>();
        foreach (var faultDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var fault = Path.GetFileName(faultDir);
            var dash = fault.LastIndexOf('-');
            var service = dash > 0 ? fault[..dash] : fault;
            foreach (var runDir in Directory.GetDirectories(faultDir).Order(StringComparer.Ordinal))
            {
                var normal = SeriesCsvReader.Load(Path.Combine(runDir, "normal.csv"));
                var anomalous = SeriesCsvReader.Load(Path.Combine(runDir, "anomalous.csv"));
                cases.Add(new RcaCase($"{fault}/{Path.GetFileName(runDir)}", SeriesFrame.WithBaseline(normal, anomalous), anomalous.Times[0], service, null));
            }
        }

        return cases;
    }
}
