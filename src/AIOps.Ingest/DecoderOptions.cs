using System.ComponentModel.DataAnnotations;

namespace AIOps.Ingest;

/// <summary>Options shared by the decoders and the router.</summary>
public sealed class DecoderOptions
{
    /// <summary>Payloads larger than this are rejected before decoding.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPayloadBytes { get; set; } = DecoderDefaults.MaxPayloadBytes;

    /// <summary>Records stamped further than this past the message (or processing) time are rejected.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = DecoderDefaults.MaxFutureSkew;

    /// <summary>Records stamped before this are rejected (epoch zero and unit mix-ups land here).</summary>
    public DateTimeOffset MinTimestamp { get; set; } = DecoderDefaults.MinTimestamp;

    /// <summary>Influx timestamp precision when the message has no <c>precision</c> header: ns, us, ms, s, m or h.</summary>
    [RegularExpression("^(ns|n|us|u|µs|ms|s|m|h)$")]
    public string InfluxPrecision { get; set; } = DecoderDefaults.InfluxPrecision;

    /// <summary>Checks the annotations and the ranges they cannot express; throws at start-up, not per message.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (MaxFutureSkew < TimeSpan.Zero)
        {
            throw new ValidationException($"{nameof(MaxFutureSkew)} must not be negative (was {MaxFutureSkew})");
        }
    }
}
