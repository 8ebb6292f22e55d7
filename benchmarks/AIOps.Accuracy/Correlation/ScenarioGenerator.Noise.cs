namespace AIOps.Accuracy.Correlation;

internal enum NoiseKind
{
    WarningAlert,
    CriticalAlert,
    ErrorBurst,
    LatencySpike,
    UnrelatedDeploy,
}

internal sealed record NoiseEvent(string Id, NoiseKind Kind, string Entity, int StartStep, int DurationSteps, string Name);

internal sealed partial class ScenarioGenerator
{
    private static readonly string[] WarningNames = ["PodRestarted", "DiskSpaceLow", "CertificateExpiresSoon", "HighMemoryUsage", "CPUThrottlingHigh"];
    private static readonly string[] CriticalNames = ["JobFailed", "BackupFailed", "TargetDown"];
    private static readonly string[] Outsiders = ["reports-cron", "mail-relay", "backup-agent"];
    private static readonly string[] BurstLogs = ["timeout calling external-api after 3000 ms", "failed to refresh feature flags: 502", "slow GC pause: 1200 ms"];

    /// <summary>Unrelated events at random times and places (never on a fault's components while it lasts, so truth by entity and time is unambiguous).</summary>
    private void PlanNoise()
    {
        var warmup = 40;
        for (var i = 0; i < _spec.NoiseEvents; i++)
        {
            var kind = (NoiseKind)_random.Next(5);
            var step = _random.Next(warmup, _spec.Steps - 10);
            var pool = kind switch
            {
                NoiseKind.CriticalAlert => _components.Select(c => c.Name).Concat(Outsiders).ToArray(),
                NoiseKind.ErrorBurst or NoiseKind.LatencySpike => [.. _components.Where(c => !c.IsDatastore).Select(c => c.Name)],
                _ => [.. _components.Select(c => c.Name)],
            };
            var entity = pool[_random.Next(pool.Length)];
            var duration = kind is NoiseKind.WarningAlert or NoiseKind.CriticalAlert ? _random.Next(4, 14) : 1;
            var name = kind switch
            {
                NoiseKind.WarningAlert => WarningNames[_random.Next(WarningNames.Length)],
                NoiseKind.CriticalAlert => CriticalNames[_random.Next(CriticalNames.Length)],
                NoiseKind.ErrorBurst => BurstLogs[_random.Next(BurstLogs.Length)],
                _ => "latency spike",
            };
            if (_spec.Faults.Any(f => FaultTouches(f, entity) && step + duration >= f.StartStep - 20 && step <= f.StartStep + f.DurationSteps + 20))
            {
                continue; // would be indistinguishable from the fault by entity and time
            }

            _noise.Add(new NoiseEvent($"noise-{i}", kind, entity, step, duration, name));
        }
    }

    private static bool FaultTouches(FaultSpec fault, string entity) =>
        fault.Effects.Any(e => e.Entity == entity) || fault.Alerts.Any(a => a.Entity == entity);

    private void NoiseAt(int step, DateTimeOffset t)
    {
        foreach (var noise in _noise)
        {
            var active = step >= noise.StartStep && step < noise.StartStep + noise.DurationSteps;
            switch (noise.Kind)
            {
                case NoiseKind.WarningAlert:
                    Track(noise.Entity, noise.Name, "warning", $"{noise.Name} on {noise.Entity}", active, step, t, forSteps: 0);
                    break;
                case NoiseKind.CriticalAlert:
                    Track(noise.Entity, noise.Name, "critical", $"{noise.Name} on {noise.Entity}", active, step, t, forSteps: 0);
                    break;
                case NoiseKind.ErrorBurst when active:
                    var component = Array.Find(_components, c => c.Name == noise.Entity)!;
                    for (var k = 0; k < 4; k++)
                    {
                        Log(t.AddMilliseconds(300 * (k + 1)), component, "error", noise.Name);
                    }

                    break;
                case NoiseKind.UnrelatedDeploy when step == noise.StartStep:
                    Change(t, noise.Entity, "deploy", $"{noise.Entity} routine release");
                    break;
            }
        }
    }

    private void ChangesAt(int step, DateTimeOffset t)
    {
        foreach (var fault in _spec.Faults.Where(f => f.ChangeEntity is not null))
        {
            if (step == fault.StartStep - 1)
            {
                Change(t, fault.ChangeEntity!, "deploy", fault.ChangeTitle!);
            }
            else if (step == fault.StartStep + fault.DurationSteps)
            {
                Change(t, fault.ChangeEntity!, "rollback", $"{fault.ChangeEntity} rolled back");
            }
        }
    }

    private ScenarioTruth Truth()
    {
        var faults = _spec.Faults.Select(f => new TruthEntry(
            f.Id, f.Kind, f.Description,
            [.. f.Effects.Select(e => e.Entity).Concat(f.Alerts.Select(a => a.Entity)).Distinct(StringComparer.Ordinal)],
            Time(f.StartStep), Time(f.StartStep + f.DurationSteps))).ToList();
        var noise = _noise.Where(n => n.Kind != NoiseKind.UnrelatedDeploy)
            .Select(n => new TruthEntry(n.Id, n.Kind.ToString(), n.Name, [n.Entity], Time(n.StartStep), Time(n.StartStep + n.DurationSteps))).ToList();
        return new ScenarioTruth(_spec.Name, _spec.Description, _start, Time(_spec.Steps), faults, noise);
    }
}
