namespace AIOps.Core.Ports;

/// <summary>The outcome of decoding one message: records were appended, or it failed with a reason for the DLQ.</summary>
public readonly record struct DecodeResult(bool Success, int Records, string? Error, string Format)
{
    public static DecodeResult Ok(string format, int records) => new(true, records, null, format);

    public static DecodeResult Fail(string format, string error) => new(false, 0, error, format);
}
