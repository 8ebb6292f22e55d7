using AIOps.Detection.Scoring;
using AIOps.Detection.State;

namespace AIOps.Detection.Tests.State;

public sealed class DetectorStateCodecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Specs() => new(DetectorCatalog.Names);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Read_StateOfAWarmDetector_ContinuesExactlyLikeTheOriginal(string spec)
    {
        Assert.True(DetectorCatalog.TryCreate(spec, out var factory));
        var original = factory.Create("latency_ms");
        Feed(original, 0, 700); // past two daily seasons of 5-minute points: the seasonal models exist
        var bytes = Snapshot(original, factory);

        var sut = factory.Create("latency_ms");
        Restore(sut, bytes, factory);

        Assert.Equal(Feed(original, 700, 300), Feed(sut, 700, 300));
    }

    [Theory]
    [InlineData("default?oddsScale=1")]     // ensemble options
    [InlineData("default?evt.nats=1000000")] // a member's shared settings (the tail scorer's exchange rate)
    public void Read_IntoAFactoryWithOtherParameters_KeepsTheRunningParameters(string runningSpec)
    {
        Assert.True(DetectorCatalog.TryCreate("default", out var saved));
        Assert.True(DetectorCatalog.TryCreate(runningSpec, out var running));
        var original = saved.Create("m");
        Feed(original, 0, 700);
        var warmedUnderRunning = running.Create("m");
        Feed(warmedUnderRunning, 0, 700);
        var bytes = Snapshot(original, saved);

        var sut = running.Create("m");
        Restore(sut, bytes, running);

        // The output scale and member settings are configuration (shared by the factory): the restored detector
        // scores with the running ones, so it matches a detector that learned the same data under them.
        var restoredScores = Feed(sut, 700, 300);
        Assert.NotEqual(Feed(original, 700, 300), restoredScores);
        Assert.Equal(Feed(warmedUnderRunning, 700, 300).Select(s => Math.Round(s, 6)), restoredScores.Select(s => Math.Round(s, 6)));
        var fresh = running.Create("m");
        Assert.Equal(Feed(running.Create("m"), 0, 50), Feed(fresh, 0, 50)); // and the factory's shared options are untouched
    }

    [Fact]
    public void Read_StateOfAnotherDetectorType_Throws()
    {
        Assert.True(DetectorCatalog.TryCreate("holt", out var holt));
        Assert.True(DetectorCatalog.TryCreate("default", out var defaults));
        var original = holt.Create("m");
        Feed(original, 0, 100);
        var bytes = Snapshot(original, holt);

        var error = Assert.ThrowsAny<Exception>(() => Restore(defaults.Create("m"), bytes, defaults));

        Assert.True(error is InvalidDataException or EndOfStreamException, error.ToString());
    }

    [Fact]
    public void Read_TruncatedState_Throws()
    {
        Assert.True(DetectorCatalog.TryCreate("default", out var factory));
        var original = factory.Create("m");
        Feed(original, 0, 700);
        var bytes = Snapshot(original, factory);

        Assert.ThrowsAny<Exception>(() => Restore(factory.Create("m"), bytes[..(bytes.Length / 2)], factory));
    }

    internal static double[] Feed(ISeriesDetector detector, int from, int count)
    {
        var scores = new double[count];
        for (var i = 0; i < count; i++)
        {
            var t = from + i;
            var value = 100 + 20 * Math.Sin(2 * Math.PI * t / 288) + ((t * 7919) % 13) - (t == 850 ? -300 : 0);
            scores[i] = detector.Update(T0.AddMinutes(5 * t), value).Score;
        }

        return scores;
    }

    private static byte[] Snapshot(ISeriesDetector detector, ISeriesDetectorFactory factory)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            DetectorStateCodec.Write(writer, detector, SharedObjects.Of(factory, "m"));
        }

        return stream.ToArray();
    }

    private static void Restore(ISeriesDetector detector, byte[] bytes, ISeriesDetectorFactory factory)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        DetectorStateCodec.Read(reader, detector, SharedObjects.Of(factory, "m"));
    }
}
