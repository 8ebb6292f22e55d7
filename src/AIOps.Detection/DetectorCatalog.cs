using System.Diagnostics.CodeAnalysis;
using AIOps.Detection.Calibration;
using AIOps.Detection.Ensemble;
using AIOps.Detection.Forecast;
using AIOps.Detection.Scoring;

namespace AIOps.Detection;

/// <summary>
/// The named detector configurations (single models and ensembles), each a factory of calibrated detectors.
/// A spec is a name with optional parameter overrides: <c>name?key=value&amp;key=value</c>.
/// </summary>
public static class DetectorCatalog
{
    public const string DefaultName = "default";

    private static readonly Dictionary<string, Func<DetectorParameters, ISeriesDetector>> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = p => Build(p, "holt"),
        ["holt"] = p => Build(p, "holt"),
        ["median-window"] = _ => new RobustBaselineDetector(),
    };

    public static IReadOnlyCollection<string> Names => Builders.Keys;

    public static bool TryCreate(string spec, [NotNullWhen(true)] out ISeriesDetectorFactory? factory)
    {
        var q = spec.IndexOf('?', StringComparison.Ordinal);
        var name = q < 0 ? spec : spec[..q];
        if (!Builders.TryGetValue(name, out var build))
        {
            factory = null;
            return false;
        }

        var parameters = DetectorParameters.Parse(q < 0 ? null : spec[(q + 1)..]);
        factory = new DelegateFactory(build, parameters);
        return true;
    }

    internal static ISeriesDetector Build(DetectorParameters p, params string[] members)
    {
        var raw = new IRawScorer[members.Length];
        var calibrators = new AnomalyLikelihood[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            raw[i] = members[i] switch
            {
                "holt" => new HoltResidualScorer(p.Get("holt.alpha", 0.3), p.Get("holt.beta", 0.02), p.Get("holt.phi", 0.9), p.Get("holt.scale", 0.01)),
                _ => throw new ArgumentOutOfRangeException(nameof(members), members[i], "unknown member"),
            };
            calibrators[i] = new AnomalyLikelihood(p.Get("al.short", 0.5), p.Get("al.long", 0.002), p.Get("al.warmup", 30));
        }

        var options = new EnsembleOptions
        {
            MinPoints = p.Get("minPoints", 10),
            AlarmLevel = p.Get("alarm", 0.5),
            RefractoryPoints = p.Get("refractory", 0),
            RefractoryFactor = p.Get("refractoryFactor", 1.0),
        };
        return new EnsembleDetector(raw, calibrators, options);
    }

    private sealed class DelegateFactory(Func<DetectorParameters, ISeriesDetector> build, DetectorParameters parameters) : ISeriesDetectorFactory
    {
        public ISeriesDetector Create(string metricName) => build(parameters);
    }
}
