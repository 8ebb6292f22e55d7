namespace AIOps.Server.Replay;

/// <summary>What a replay read and where it went.</summary>
public readonly record struct ReplayResult(long Messages, long Records, long DeadLetters, long BadEnvelopes);
