using System.Diagnostics.CodeAnalysis;
using AIOps.Detection.Calibration;
using AIOps.Detection.ChangePoint;
using AIOps.Detection.Density;
using AIOps.Detection.Ensemble;
using AIOps.Detection.Forecast;
using AIOps.Detection.Robust;
using AIOps.Detection.Scoring;
using AIOps.Detection.Spectral;

namespace AIOps.Detection;

/// <summary>
/// The named detector configurations (single models and ensembles), each a factory of calibrated detectors.
/// A spec is a name with optional parameter overrides: <c>name?key=value&amp;key=value</c>.
/// </summary>
public static class DetectorCatalog
{
    public const string DefaultName = "default";

    /// <summary>
    /// The tuned default (see benchmarks/RESULTS.md): range novelty of the value, of the seasonal residual (when a
    /// daily/weekly period is detected) and of an EW-smoothed level, each scored raw/(raw + half): 0.5 when the value
    /// leaves its historic range by 10% of that range (20% for the smoothed level).
    /// </summary>
    public const string DefaultSpec = "rawHalf=0.1&level.half=0.2&refractory=200&refractoryFactor=0.5&alarm=0.4";

    /// <summary>Factory of the default detector.</summary>
    public static ISeriesDetectorFactory CreateDefault()
    {
        TryCreate(DefaultName, out var factory);
        return factory!;
    }

    private static readonly Dictionary<string, Func<DetectorParameters, ISeriesDetector>> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level"),
        ["holt"] = p => Build(p, "holt"),
        ["seasonal"] = p => Build(p, "seasonal"),
        ["ens-sc"] = p => Build(p, "seasonal", "cusum"),
        ["novelty"] = p => Build(p, "novelty"),
        ["ens-snc"] = p => Build(p, "seasonal", "novelty", "cusum"),
        ["ens-nnl"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level"),
        ["ens-nnv"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "vol"),
        ["ens-nnr"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "run"),
        ["ens-nnlvr"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "vol", "run"),
        ["ens-nnlh"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "holt"),
        ["ens-nnlr"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "robust"),
        ["ens-nnlk"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "kde"),
        ["ens-nnls"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "sr"),
        ["ens-nnlc"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "cusum"),
        ["ens-multi"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "level2", "level3"),
        ["ens-multi2"] = p => Build(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "level2"),
        ["ens-nn"] = p => Build(p, "novelty", "snovelty"),
        ["ens-sn"] = p => Build(p, "seasonal", "novelty"),
        ["robust"] = p => Build(p, "robust"),
        ["cusum"] = p => Build(p, "cusum"),
        ["kde"] = p => Build(p, "kde"),
        ["sr"] = p => Build(p, "sr"),
        ["ens-all"] = p => Build(p, "holt", "robust", "cusum", "kde", "sr"),
        ["ens-hrc"] = p => Build(p, "holt", "robust", "cusum"),
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
                "seasonal" => new SeasonalForecastScorer(
                    new HoltResidualScorer(p.Get("holt.alpha", 0.3), p.Get("holt.beta", 0.02), p.Get("holt.phi", 0.9), p.Get("holt.scale", 0.01)),
                    p.Get("hw.maxPeriod", 300), p.Get("hw.alpha", 0.1), p.Get("hw.gamma", 0.1), p.Get("holt.scale", 0.01), p.Get("hw.prefer", 0.35)),
                "novelty" => new RangeNoveltyScorer(p.Get("nov.decay", 3e-5)),
                "snovelty" => new SeasonalNoveltyScorer(new SeasonalForecastScorer(
                    new HoltResidualScorer(p.Get("holt.alpha", 0.3), p.Get("holt.beta", 0.02), p.Get("holt.phi", 0.9), p.Get("holt.scale", 0.01)),
                    p.Get("hw.maxPeriod", 300), p.Get("hw.alpha", 0.1), p.Get("hw.gamma", 0.1), p.Get("holt.scale", 0.01), p.Get("hw.prefer", 0.35)), p.Get("nov.decay", 3e-5), p.Get("snov.settle", 4.0)),
                "level" => new FeatureNoveltyScorer(NoveltyFeature.SmoothedLevel, p.Get("level.rate", 0.1), p.Get("nov.decay", 3e-5), absorb: p.Get("level.absorb", 1.0)),
                "level2" => new FeatureNoveltyScorer(NoveltyFeature.SmoothedLevel, p.Get("level2.rate", 0.03), p.Get("nov.decay", 3e-5)),
                "level3" => new FeatureNoveltyScorer(NoveltyFeature.SmoothedLevel, p.Get("level3.rate", 0.3), p.Get("nov.decay", 3e-5)),
                "vol" => new FeatureNoveltyScorer(NoveltyFeature.Volatility, p.Get("vol.rate", 0.05), p.Get("nov.decay", 3e-5)),
                "run" => new FeatureNoveltyScorer(NoveltyFeature.RunLength, 0, p.Get("nov.decay", 3e-5)),
                "robust" => new RobustWindowScorer(p.Get("robust.window", 128)),
                "cusum" => new CusumScorer(p.Get("cusum.rate", 0.01), p.Get("cusum.slack", 0.5), p.Get("cusum.reset", 30.0)),
                "kde" => new KdeMartingaleScorer(p.Get("kde.window", 64), p.Get("kde.eps", 0.92)),
                "sr" => new SpectralResidualScorer(p.Get("sr.fft", 64), p.Get("sr.history", 21)),
                _ => throw new ArgumentOutOfRangeException(nameof(members), members[i], "unknown member"),
            };
            calibrators[i] = new AnomalyLikelihood(p.Get(members[i] + ".short", p.Get("al.short", 0.5)), p.Get(members[i] + ".long", p.Get("al.long", 0.002)), p.Get("al.warmup", 30), p.Get(members[i] + ".half", p.Get("rawHalf", 0.0)), p.Get(members[i] + ".lhalf", 5.0));
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
