namespace AIOps.Ingest.Common;

internal enum TimeUnit
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
}
