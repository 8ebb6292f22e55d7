namespace AIOps.Server.Replay;

/// <summary>The order a replay feeds a dump's messages to the pipeline.</summary>
public enum ReplayOrder
{
    /// <summary>
    /// By message timestamp at second resolution, file order within a second (and for messages without one). A dump
    /// of topics consumed from a backlog (`kcat -C -e -t a -t b`) holds each partition in large fetches, minutes or
    /// hours of one topic before the next; the live engine sees them interleaved, and event-time correlation needs
    /// them so. An ordered dump replays exactly as written. Holds the whole dump in memory.
    /// </summary>
    EventTime,

    /// <summary>As written, streamed line by line (for dumps too large to hold, known to be in time order).</summary>
    File,
}
