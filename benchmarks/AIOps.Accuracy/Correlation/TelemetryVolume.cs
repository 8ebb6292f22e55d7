namespace AIOps.Accuracy.Correlation;

/// <summary>
/// How many HTTP series each simulated service exports: <see cref="Pods"/> replicas, each reporting latency and
/// error rate for <see cref="Routes"/> routes (1: one series per pod, no route label). The suite's figures were all
/// measured with <see cref="Suite"/>; <see cref="Fleet"/> is closer to what a real deployment exports (three replicas,
/// a handful of routes), so a fault moves many series and every series also adds its own chance of a false alarm.
/// </summary>
internal sealed record TelemetryVolume(int Pods, int Routes)
{
    public static readonly TelemetryVolume Suite = new(2, 1);

    public static readonly TelemetryVolume Fleet = new(3, 4);

    /// <summary>`suite`, `fleet`, or `PODSxROUTES` (e.g. `3x4`).</summary>
    public static TelemetryVolume Parse(string text)
    {
        switch (text)
        {
            case "suite":
                return Suite;
            case "fleet":
                return Fleet;
        }

        var parts = text.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], out var pods) && int.TryParse(parts[1], out var routes) && pods is > 0 and <= 20 && routes is > 0 and <= 8
            ? new TelemetryVolume(pods, routes)
            : throw new ArgumentException($"--volume {text}: suite, fleet, or PODSxROUTES such as 3x4 (1-20 pods, 1-8 routes)");
    }
}
