using System.Globalization;
using AIOps.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AIOps.Correlation.Rules;

/// <summary>
/// Reads one rule file node by node (YamlDotNet's representation model keeps each node's line and column),
/// so every problem is reported where it is; unknown keys are errors, which catches typos.
/// </summary>
internal sealed partial class RuleDocumentReader
{
    private static readonly string[] TopKeys = ["rules", "inhibit", "silences", "maintenance"];
    private static readonly string[] RuleKeys = ["name", "match", "groupBy", "window", "minCount", "persist", "severity", "resolve", "quietPeriod", "title", "drop"];
    private static readonly string[] InhibitKeys = ["name", "source", "target", "equal"];
    private static readonly string[] SilenceKeys = ["id", "matchers", "startsAt", "endsAt", "comment", "createdBy"];
    private static readonly string[] MaintenanceKeys = ["name", "matchers", "startsAt", "endsAt", "days", "from", "to"];
    private static readonly string[] MatcherKeys = ["field", "label", "equals", "regex", "exists", "atLeast", "not"];

    private readonly string _file;
    private readonly List<LintError> _errors;

    public RuleDocumentReader(string file, List<LintError> errors)
    {
        _file = file;
        _errors = errors;
    }

    public void Read(string yaml, List<CorrelationRule> rules, List<InhibitionRule> inhibitions, List<Silence> silences, List<MaintenanceWindow> maintenance)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            _errors.Add(new LintError(_file, (int)ex.Start.Line, (int)ex.Start.Column, ex.InnerException?.Message ?? ex.Message));
            return;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, "a rule file is a mapping with rules, inhibit, silences and maintenance");
            return;
        }

        foreach (var (key, value) in Entries(root, TopKeys))
        {
            foreach (var item in Sequence(value, key))
            {
                switch (key)
                {
                    case "rules" when ReadRule(item) is { } rule:
                        rules.Add(rule);
                        break;
                    case "inhibit" when ReadInhibition(item) is { } inhibition:
                        inhibitions.Add(inhibition);
                        break;
                    case "silences" when ReadSilence(item) is { } silence:
                        silences.Add(silence);
                        break;
                    case "maintenance" when ReadMaintenance(item) is { } window:
                        maintenance.Add(window);
                        break;
                }
            }
        }
    }

    private CorrelationRule? ReadRule(YamlNode node)
    {
        if (!IsMapping(node, "a rule", out var map))
        {
            return null;
        }

        string? name = null, title = null;
        IReadOnlyList<SignalMatcher> match = [];
        IReadOnlyList<string> groupBy = [];
        TimeSpan? window = null, quiet = null, persist = null;
        var minCount = 1;
        var drop = false;
        var severityMap = new Dictionary<Severity, Severity>();
        Severity? setSeverity = null;
        ResolvePolicy? resolve = null;
        foreach (var (key, value) in Entries(map, RuleKeys))
        {
            switch (key)
            {
                case "name": name = Scalar(value, key); break;
                case "match": match = Matchers(value); break;
                case "groupBy": groupBy = Strings(value, key); break;
                case "window": window = Duration(value, key); break;
                case "quietPeriod": quiet = Duration(value, key); break;
                case "persist": persist = Duration(value, key); break;
                case "minCount": minCount = Integer(value, key, 1) ?? 1; break;
                case "title": title = TitleText(value); break;
                case "drop": drop = Boolean(value, key) ?? false; break;
                case "resolve": resolve = Resolve(value); break;
                case "severity": setSeverity = SeverityValue(value, severityMap); break;
            }
        }

        if (name is null)
        {
            Error(node, "a rule needs a name");
            return null;
        }

        return new CorrelationRule
        {
            Name = name, Match = match, GroupBy = groupBy, Window = window, QuietPeriod = quiet, MinCount = minCount, Persist = persist, Title = title,
            Drop = drop, Resolve = resolve, SeverityMap = severityMap, SetSeverity = setSeverity, Source = _file, Line = Line(node),
        };
    }

    private InhibitionRule? ReadInhibition(YamlNode node)
    {
        if (!IsMapping(node, "an inhibition", out var map))
        {
            return null;
        }

        string? name = null;
        IReadOnlyList<SignalMatcher> source = [], target = [];
        IReadOnlyList<string> equal = [];
        foreach (var (key, value) in Entries(map, InhibitKeys))
        {
            switch (key)
            {
                case "name": name = Scalar(value, key); break;
                case "source": source = Matchers(value); break;
                case "target": target = Matchers(value); break;
                case "equal": equal = Strings(value, key); break;
            }
        }

        if (source.Count == 0 || target.Count == 0)
        {
            Error(node, "an inhibition needs source and target matchers");
            return null;
        }

        return new InhibitionRule { Name = name ?? $"inhibit@{Line(node)}", Source = source, Target = target, Equal = equal, File = _file, Line = Line(node) };
    }

    private Silence? ReadSilence(YamlNode node)
    {
        if (!IsMapping(node, "a silence", out var map))
        {
            return null;
        }

        string? id = null, comment = null, createdBy = null;
        IReadOnlyList<SignalMatcher> matchers = [];
        DateTimeOffset? starts = null, ends = null;
        foreach (var (key, value) in Entries(map, SilenceKeys))
        {
            switch (key)
            {
                case "id": id = Scalar(value, key); break;
                case "comment": comment = Scalar(value, key); break;
                case "createdBy": createdBy = Scalar(value, key); break;
                case "matchers": matchers = Matchers(value); break;
                case "startsAt": starts = Time(value, key); break;
                case "endsAt": ends = Time(value, key); break;
            }
        }

        if (matchers.Count == 0 || starts is null || ends is null)
        {
            Error(node, "a silence needs matchers, startsAt and endsAt");
            return null;
        }

        if (ends <= starts)
        {
            Error(node, "a silence must end after it starts");
            return null;
        }

        return new Silence { Id = id ?? $"{Path.GetFileName(_file)}@{Line(node)}", Matchers = matchers, StartsAt = starts.Value, EndsAt = ends.Value, Comment = comment, CreatedBy = createdBy };
    }

    private MaintenanceWindow? ReadMaintenance(YamlNode node)
    {
        if (!IsMapping(node, "a maintenance window", out var map))
        {
            return null;
        }

        string? name = null;
        IReadOnlyList<SignalMatcher> matchers = [];
        DateTimeOffset? starts = null, ends = null;
        var days = new List<DayOfWeek>();
        TimeSpan? from = null, to = null;
        foreach (var (key, value) in Entries(map, MaintenanceKeys))
        {
            switch (key)
            {
                case "name": name = Scalar(value, key); break;
                case "matchers": matchers = Matchers(value); break;
                case "startsAt": starts = Time(value, key); break;
                case "endsAt": ends = Time(value, key); break;
                case "from": from = TimeOfDay(value, key); break;
                case "to": to = TimeOfDay(value, key); break;
                case "days":
                    foreach (var day in Sequence(value, key))
                    {
                        if (Day(day) is { } d)
                        {
                            days.Add(d);
                        }
                    }

                    break;
            }
        }

        var oneOff = starts is not null && ends is not null;
        var weekly = days.Count > 0 && from is not null && to is not null;
        if (oneOff == weekly)
        {
            Error(node, "a maintenance window needs either startsAt and endsAt, or days with from and to");
            return null;
        }

        return new MaintenanceWindow
        {
            Name = name ?? $"maintenance@{Line(node)}", Matchers = matchers, StartsAt = starts, EndsAt = ends, Days = days,
            From = from ?? TimeSpan.Zero, To = to ?? TimeSpan.Zero, File = _file, Line = Line(node),
        };
    }
}
