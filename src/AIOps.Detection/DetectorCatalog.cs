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

    /// <summary>The default without its flat-run member, under <see cref="LiveDetectorFactory"/>'s gate.</summary>
    public const string LiveBaseName = "default-noflat";

    /// <summary>The default before the extreme-value tail (plain value range novelty); kept for comparison.</summary>
    public const string RangeDefaultName = "default-range";

    /// <summary>
    /// The tuned default (see benchmarks/RESULTS.md): range novelty of the value (a new record damped by an
    /// extreme-value fit of its tail, see <see cref="Robust.TailNoveltyScorer"/>), of the seasonal residual (when a
    /// daily/weekly period is detected) and of an EW-smoothed level, each scored raw/(raw + half) with half = 4% of
    /// the historic range (20% for the smoothed level), plus a flat-run member (one signal when the series has held one
    /// value 10% longer than it ever held any; raw 1, half 1), combined by max; the odds are
    /// scaled by 5.6, and for 200 points after an output of 0.5 or more they are scaled by a further 0.2 (a repeat
    /// within the episode needs 5 times the novelty; a far larger excursion still scores near 1). Within 50 points of an
    /// alarm, a member's record within 50 points of its own previous one first loses 1 odds (the episode rule, see
    /// <see cref="Ensemble.EnsembleOptions.EpisodeGap"/>). The `default` entry adds <see cref="ShadowSpec"/>; this
    /// spec alone is also the base of the live detector and of the comparison entries.
    /// </summary>
    public const string DefaultSpec = "rawHalf=0.04&level.half=0.2&flat.half=1&refractory=200&refractoryFactor=0.2&refractoryOdds=1&alarm=0.5&oddsScale=5.6&episode.gap=50&episode.margin=1";

    /// <summary>
    /// The second-anomaly rule on the value member (see <see cref="Robust.TailNoveltySettings"/>): after a record of
    /// at least 0.3 ranges (in a series with 2 days of data and 100 points), a shadow of the value range stops widening
    /// for 300 points (it learns again over the last 50), so it keeps the range as it was before the episode; later,
    /// a value inside the value range but past the shadow is a record against the shadow, at a quarter of the weight.
    /// </summary>
    public const string ShadowSpec = "shadow.trigger=0.3&shadow.hold=300&shadow.keep=50&shadow.weight=0.25&shadow.days=2&shadow.mature=100";

    /// <summary>Factory of the default detector.</summary>
    public static ISeriesDetectorFactory CreateDefault()
    {
        TryCreate(DefaultName, out var factory);
        return factory!;
    }

    // name -> (whether DefaultSpec fills unset parameters, members). Likelihood-calibrated entries use the Numenta-style
    // likelihood unless rawHalf / <member>.half select the range-ratio mapping.
    private static readonly Dictionary<string, Func<DetectorParameters, Func<ISeriesDetector>>> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = WithSecondAnomalyRule,
        // The name the second-anomaly rule was measured under before it became the default (RESULTS.md uses it).
        ["default-shadow"] = WithSecondAnomalyRule,
        // The default without the second-anomaly rule (the default until 2026-12-07).
        ["default-noshadow"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "tnovelty", "snovelty", "level", "flat"),
        ["default-range"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "flat"),
        // The live detector's base: its size gate would block a flat-run signal (a stuck value sits at the median),
        // while the ungated alarm would still start the refractory and hide the next real excursion.
        ["default-noflat"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "tnovelty", "snovelty", "level"),
        ["holt"] = p => EnsembleOf(p, "holt"),
        ["seasonal"] = p => EnsembleOf(p, "seasonal"),
        ["robust"] = p => EnsembleOf(p, "robust"),
        ["cusum"] = p => EnsembleOf(p, "cusum"),
        ["kde"] = p => EnsembleOf(p, "kde"),
        ["sr"] = p => EnsembleOf(p, "sr"),
        ["novelty"] = p => EnsembleOf(p, "novelty"),
        ["srobust"] = p => EnsembleOf(p, "srobust"),
        ["ens-hrc"] = p => EnsembleOf(p, "holt", "robust", "cusum"),
        ["ens-all"] = p => EnsembleOf(p, "holt", "robust", "cusum", "kde", "sr"),
        ["ens-nn"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty"),
        ["ens-nnv"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "vol"),
        ["ens-nnr"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "run"),
        ["ens-nnlv"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "vol"),
        ["ens-nnlvr"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "vol", "run"),
        ["ens-nnlh"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "holt"),
        ["ens-nnlr"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "robust"),
        ["ens-nnlk"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "kde"),
        ["ens-nnlc"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "cusum"),
        ["ens-nnls"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "step"),
        ["ens-nnlsl"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "slevel"),
        ["ens-nnlf"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "flat"),
        ["ens-multi"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "level2", "level3"),
        ["m-novelty"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty"),
        ["m-snovelty"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "snovelty"),
        ["m-level"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "level"),
        ["m-tnovelty"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "tnovelty"),
        ["m-flat"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "flat"),
        ["shape"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "shape"),
        ["ens-shape"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level", "shape"),
        ["ens-evt"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "tnovelty", "snovelty", "level"),
        ["ens-evtf"] = p => EnsembleOf(p.WithFallbacks(DefaultSpec), "tnovelty", "snovelty", "level", "flat"),
        ["median-window"] = _ => () => new RobustBaselineDetector(),
        // Built once per factory like every other entry, so the gate's settings are shared by its series.
        ["live"] = _ => Gated(new LiveDetectorFactory()),
        // live-of gates variants of the range-novelty base (the live detector before the EVT member); live-evt = live.
        ["live-of"] = p => Gated(new LiveDetectorFactory(new DelegateFactory(EnsembleOf(p.WithFallbacks(DefaultSpec), "novelty", "snovelty", "level")))),
        ["live-shadow"] = p => Gated(new LiveDetectorFactory(new DelegateFactory(EnsembleOf(p.WithFallbacks(ShadowSpec).WithFallbacks(DefaultSpec), "tnovelty", "snovelty", "level")))),
        ["live-evt"] = p => Gated(new LiveDetectorFactory(new DelegateFactory(EnsembleOf(p.WithFallbacks(DefaultSpec), "tnovelty", "snovelty", "level")))),
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
        factory = new DelegateFactory(build(parameters));
        return true;
    }

    internal static Func<ISeriesDetector> EnsembleOf(DetectorParameters p, params string[] members)
    {
        // Settings and options are built once per factory and shared by every series it creates.
        var settings = new CalibrationSettings[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            settings[i] = new CalibrationSettings(
                p.Get(members[i] + ".short", p.Get("al.short", 0.5)),
                p.Get(members[i] + ".long", p.Get("al.long", 0.002)),
                p.Get("al.warmup", 30),
                p.Get(members[i] + ".half", p.Get("rawHalf", 0.0)),
                p.Get(members[i] + ".lhalf", CalibrationSettings.DefaultHalfSurprise));
        }

        var options = new EnsembleOptions
        {
            MinPoints = p.Get("minPoints", 10),
            AlarmLevel = p.Get("alarm", 0.5),
            RefractoryPoints = p.Get("refractory", 0),
            RefractoryFactor = p.Get("refractoryFactor", 1.0),
            OutputOddsScale = p.Get("oddsScale", 1.0),
            RefractoryOnOdds = p.Get("refractoryOdds", 0) != 0,
            EpisodeGap = p.Get("episode.gap", 0),
            EpisodeMargin = p.Get("episode.margin", 0.0),
        };
        var create = new Func<IRawScorer>[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            create[i] = Member(members[i], p);
        }

        return () =>
        {
            var raw = new IRawScorer[members.Length];
            for (var i = 0; i < members.Length; i++)
            {
                raw[i] = create[i]();
            }

            return new EnsembleDetector(raw, settings, options);
        };
    }

    private static HoltSettings HoltSettingsOf(DetectorParameters p) =>
        new(p.Get("holt.alpha", 0.3), p.Get("holt.beta", 0.02), p.Get("holt.phi", 0.9), p.Get("holt.scale", 0.01));

    private static Func<HoltResidualScorer> Holt(DetectorParameters p)
    {
        var settings = HoltSettingsOf(p);
        return () => new HoltResidualScorer(settings);
    }

    private static Func<SeasonalForecastScorer> Seasonal(DetectorParameters p)
    {
        var holt = HoltSettingsOf(p);
        var settings = new SeasonalSettings(p.Get("hw.maxPeriod", 336), p.Get("hw.alpha", 0.1), p.Get("hw.gamma", 0.1), p.Get("holt.scale", 0.01), p.Get("hw.prefer", 0.35), p.Get("hw.weekly", 1) != 0, TimeSpan.FromSeconds(p.Get("hw.period", 0.0)));
        return () => new SeasonalForecastScorer(new HoltResidualScorer(holt), settings);
    }

    private static Func<FeatureNoveltyScorer> Feature(FeatureNoveltySettings settings) => () => new FeatureNoveltyScorer(settings);

    private static Func<SeasonalRobustScorer> SeasonalRobust(DetectorParameters p)
    {
        var season = Seasonal(p);
        var window = p.Get("robust.window", 128);
        return () => new SeasonalRobustScorer(season(), window);
    }

    private static Func<SeasonalNoveltyScorer> SeasonalNovelty(DetectorParameters p, double smoothing)
    {
        var season = Seasonal(p);
        var settings = new SeasonalNoveltySettings(p.Get("nov.decay", 3e-5), p.Get("snov.settle", 4.0), smoothing);
        return () => new SeasonalNoveltyScorer(season(), settings);
    }

    private static Func<IRawScorer> TailNovelty(DetectorParameters p)
    {
        var settings = new TailNoveltySettings(p.Get("nov.decay", 3e-5), p.Get("evt.q", 0.99), p.Get("evt.step", 0.01), p.Get("evt.rate", 0.005), p.Get("evt.min", 10), p.Get("evt.nats", 6.0), (TailMode)p.Get("evt.mode", 0), p.Get("evt.power", 1.0), p.Get("evt.extremes", 1) != 0, p.Get("shadow.trigger", 0.0), p.Get("shadow.hold", 200), p.Get("shadow.mature", 100), p.Get("shadow.keep", 50), p.Get("shadow.weight", 1.0), p.Get("shadow.days", 0.0));
        return settings.ShadowTrigger > 0 ? () => new ShadowTailNoveltyScorer(settings) : () => new TailNoveltyScorer(settings);
    }

    // A member's constructor for one factory: parameters that live in a shared settings object are read once here.
    private static Func<IRawScorer> Member(string name, DetectorParameters p) => name switch
    {
        "holt" => Holt(p),
        "seasonal" => Seasonal(p),
        "snovelty" => SeasonalNovelty(p, 1),
        "slevel" => SeasonalNovelty(p, p.Get("slevel.rate", 0.1)),
        "novelty" => () => new RangeNoveltyScorer(p.Get("nov.decay", 3e-5)),
        "tnovelty" => TailNovelty(p),
        "level" => Feature(new(NoveltyFeature.SmoothedLevel, p.Get("level.rate", 0.1), p.Get("nov.decay", 3e-5), Absorb: p.Get("level.absorb", 1.0))),
        "level2" => Feature(new(NoveltyFeature.SmoothedLevel, p.Get("level2.rate", 0.03), p.Get("nov.decay", 3e-5))),
        "level3" => Feature(new(NoveltyFeature.SmoothedLevel, p.Get("level3.rate", 0.3), p.Get("nov.decay", 3e-5))),
        "step" => Feature(new(NoveltyFeature.Step, 0, p.Get("nov.decay", 3e-5))),
        "vol" => Feature(new(NoveltyFeature.Volatility, p.Get("vol.rate", 0.05), p.Get("nov.decay", 3e-5))),
        "flat" => () => new FlatRunScorer(),
        "run" => Feature(new(NoveltyFeature.RunLength, 0, p.Get("nov.decay", 3e-5))),
        "shape" => () => new ShapeNoveltyScorer(p.Get("shape.length", 8), p.Get("shape.stride", 2), p.Get("shape.capacity", 16), p.Get("shape.vigilance", 0.9), p.Get("nov.decay", 3e-5), p.Get("shape.settle", 100)),
        "robust" => () => new RobustWindowScorer(p.Get("robust.window", 128)),
        "srobust" => SeasonalRobust(p),
        "cusum" => () => new CusumScorer(p.Get("cusum.rate", 0.01), p.Get("cusum.slack", 0.5), p.Get("cusum.reset", 30.0)),
        "kde" => () => new KdeMartingaleScorer(p.Get("kde.window", 64), p.Get("kde.eps", 0.92)),
        "sr" => () => new SpectralResidualScorer(p.Get("sr.fft", 64), p.Get("sr.history", 21)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown ensemble member"),
    };

    private static Func<ISeriesDetector> WithSecondAnomalyRule(DetectorParameters p) =>
        EnsembleOf(p.WithFallbacks(ShadowSpec).WithFallbacks(DefaultSpec), "tnovelty", "snovelty", "level", "flat");

    private static Func<ISeriesDetector> Gated(LiveDetectorFactory live) => () => live.Create("series");

    private sealed class DelegateFactory(Func<ISeriesDetector> create) : ISeriesDetectorFactory
    {
        public ISeriesDetector Create(string metricName) => create();
    }
}
