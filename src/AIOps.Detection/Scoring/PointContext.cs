namespace AIOps.Detection.Scoring;

/// <summary>Timing facts about the current point: the gap since the last one in typical steps, and that typical step.</summary>
internal readonly record struct PointContext(double GapSteps, TimeSpan TypicalStep);
