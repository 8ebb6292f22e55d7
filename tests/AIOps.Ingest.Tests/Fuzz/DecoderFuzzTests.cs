using System.Text;
using AIOps.Core.Model;
using AIOps.Core.Ports;
using AIOps.Ingest.Tests.Mapping;
using Microsoft.Extensions.Time.Testing;

namespace AIOps.Ingest.Tests.Fuzz;

/// <summary>
/// Decoders face arbitrary bytes from Kafka: random noise, truncated messages and corrupted valid ones must
/// never throw; every outcome is Ok (with as many records as appended) or Fail with a reason and nothing appended.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Seed = 674386;
    private const int RandomCases = 1500;
    private const int MutationCases = 3000;
    private static readonly byte[] Interesting = "{}[]\",:=\\ \n\r\t0123456789.-+eEtfnul#<>i".Select(c => (byte)c).Concat(new byte[] { 0, 0x0A, 0xFF, 0xC3, 0x80 }).ToArray();
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));

    public static TheoryData<string> Formats() => new(FuzzCorpus.Seeds.Keys.Concat(FuzzCorpus.BinarySeeds.Keys).Append(DecoderFormats.Router));

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_RandomBytes_NeverThrows(string format)
    {
        var sut = Create(format);
        var random = new Random(Seed);
        for (var i = 0; i < RandomCases; i++)
        {
            var payload = new byte[random.Next(0, 300)];
            if (i % 2 == 0)
            {
                random.NextBytes(payload);
                if (i % 4 == 0 && payload.Length > 0)
                {
                    payload[0] = 0x0A; // protobuf field 1, length-delimited: gets past the first tag of an OTLP request
                }
            }
            else
            {
                // Structured noise: mostly the characters the grammars care about.
                for (var j = 0; j < payload.Length; j++)
                {
                    payload[j] = Interesting[random.Next(Interesting.Length)];
                }
            }

            AssertWellBehaved(sut, payload, i);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_EveryTruncationOfValidSamples_NeverThrows(string format)
    {
        var sut = Create(format);
        foreach (var bytes in SeedsFor(format))
        {
            for (var length = 0; length <= bytes.Length; length++)
            {
                AssertWellBehaved(sut, bytes[..length], length);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_MutatedValidSamples_NeverThrows(string format)
    {
        var sut = Create(format);
        var seeds = SeedsFor(format).ToArray();
        var random = new Random(Seed);
        for (var i = 0; i < MutationCases; i++)
        {
            var bytes = new List<byte>(seeds[random.Next(seeds.Length)]);
            var edits = random.Next(1, 5);
            for (var e = 0; e < edits && bytes.Count > 0; e++)
            {
                var at = random.Next(bytes.Count);
                var b = random.Next(3) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
                switch (random.Next(4))
                {
                    case 0:
                        bytes[at] = b;
                        break;
                    case 1:
                        bytes.Insert(at, b);
                        break;
                    case 2:
                        bytes.RemoveAt(at);
                        break;
                    default:
                        bytes[at] ^= (byte)(1 << random.Next(8));
                        break;
                }
            }

            AssertWellBehaved(sut, [.. bytes], i);
        }
    }

    [Fact]
    public void Decode_CloudEventsBinaryModeWithMutatedData_NeverThrows()
    {
        // Binary mode hands any payload to detection and then to the inner decoders: feed it every corpus, mutated.
        var sut = Create(DecoderFormats.CloudEvents);
        var seeds = FuzzCorpus.All.ToArray();
        var random = new Random(Seed);
        for (var i = 0; i < MutationCases; i++)
        {
            var bytes = (byte[])seeds[random.Next(seeds.Length)].Clone();
            var cut = random.Next(bytes.Length + 1);
            for (var e = random.Next(0, 3); e > 0 && cut > 0; e--)
            {
                bytes[random.Next(cut)] = Interesting[random.Next(Interesting.Length)];
            }

            var message = Messages.Of(
                bytes[..cut],
                timestamp: Messages.KafkaTime,
                headers: [("ce_specversion", "1.0"), ("ce_id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ce_source", "/fuzz"), ("ce_type", i % 2 == 0 ? "x.log" : "x.alert")]);
            var output = new List<TelemetryRecord>();
            var result = sut.Decode(message, output);
            Assert.True(result.Success ? result.Records == output.Count : output.Count == 0 && !string.IsNullOrWhiteSpace(result.Error), $"case {i}");
        }
    }

    private static IEnumerable<byte[]> SeedsFor(string format) =>
        format == DecoderFormats.Router ? FuzzCorpus.All : FuzzCorpus.For(format);

    // The router fuzz includes the shipped JSON mappings, so their auto-detection scan is fuzzed too.
    private static ITelemetryDecoder Create(string format) => format switch
    {
        DecoderFormats.Router => DecoderCatalog.CreateRouter(new Dictionary<string, string>(), Clock, extraDecoders: ShippedMappings.All),
        _ when ShippedMappings.All.Any(d => d.Format == format) => ShippedMappings.Get(format),
        _ => DecoderCatalog.Create(format, Clock),
    };

    private static void AssertWellBehaved(ITelemetryDecoder sut, byte[] payload, int caseNumber)
    {
        var output = new List<TelemetryRecord>();
        DecodeResult result;
        try
        {
            result = sut.Decode(Messages.Of(payload, timestamp: Messages.KafkaTime), output);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{sut.Format} case {caseNumber} threw {ex.GetType().Name}: {ex.Message}\npayload: {Convert.ToBase64String(payload)}");
            return;
        }

        if (result.Success)
        {
            Assert.Null(result.Error);
            Assert.Equal(output.Count, result.Records);
            Assert.All(output, r => Assert.NotNull(r.Resource));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error), $"{sut.Format} case {caseNumber}: failure without a reason");
            Assert.Empty(output);
        }
    }
}
