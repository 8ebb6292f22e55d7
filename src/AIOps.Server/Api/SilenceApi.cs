using System.Text.RegularExpressions;
using AIOps.Core.Model;
using AIOps.Core.Serialization;
using AIOps.Correlation.Rules;
using AIOps.Server.Api.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Server.Api;

/// <summary>
/// Matcher-based silences created at run time (the rule files' `silences:` through the API): signals matching every
/// matcher in the time range are muted by the correlator (counted, never grouped). Kept in the engine's silence
/// store, which persists them in the data directory.
/// </summary>
internal static class SilenceApi
{
    public static RouteGroupBuilder MapSilenceCommands(this RouteGroupBuilder write)
    {
        write.MapPost("/silences", Create)
            .WithName("createSilence").WithSummary("Silence signals by matchers (label or field, equals/regex/exists/atLeast) for a duration or until a time");
        return write;
    }

    public static IReadOnlyList<Silence> Active(EngineStatus status, DateTimeOffset now) =>
        [.. status.Silences.List().Where(s => s.EndsAt > now)];

    private static IResult Create(HttpContext http, EngineStatus status, OperatorActionLog log, MatcherSilenceRequest? body)
    {
        if (body?.Matchers is not { Count: > 0 } requested)
        {
            return ApiProblems.BadRequest("matchers: at least one matcher is required, e.g. [{\"label\":\"service.name\",\"equals\":\"checkout\"}]");
        }

        var matchers = new List<SignalMatcher>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            if (!TryMatcher(requested[i], out var matcher, out var error))
            {
                return ApiProblems.BadRequest($"matchers[{i}]: {error}");
            }

            matchers.Add(matcher!);
        }

        var now = log.Time.GetUtcNow();
        var starts = body.StartsAt ?? now;
        DateTimeOffset ends;
        if (body.EndsAt is { } until)
        {
            ends = until;
        }
        else if (ActionApi.TryDuration(body.Duration ?? "1h", out var duration))
        {
            ends = starts + duration;
        }
        else
        {
            return ApiProblems.BadRequest($"duration must look like 30m, 2h or 1d (at most {ActionApi.MaxSilence.TotalDays:0}d), not '{body.Duration}'");
        }

        if (ends <= starts || ends - starts > ActionApi.MaxSilence)
        {
            return ApiProblems.BadRequest($"a silence must end after it starts and last at most {ActionApi.MaxSilence.TotalDays:0}d");
        }

        var silence = new Silence
        {
            Id = "sil-" + Guid.NewGuid().ToString("N")[..12],
            Matchers = matchers,
            StartsAt = starts,
            EndsAt = ends,
            Comment = body.Comment,
            CreatedBy = ActionApi.Actor(http),
        };
        status.Silences.Add(silence);
        return Results.Json(View(silence), AiopsJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static object View(Silence silence) => new
    {
        id = silence.Id,
        matchers = silence.Matchers.Select(m => m.ToString()).ToList(),
        startsAt = silence.StartsAt,
        endsAt = silence.EndsAt,
        comment = silence.Comment,
        createdBy = silence.CreatedBy,
    };

    private static bool TryMatcher(MatcherRequest request, out SignalMatcher? matcher, out string? error)
    {
        matcher = null;
        error = null;
        if ((request.Field is null) == (request.Label is null))
        {
            error = $"give exactly one of field ({string.Join(", ", RuleFields.All)}) or label";
            return false;
        }

        if (request.Field is not null && Array.IndexOf(RuleFields.All, request.Field) < 0)
        {
            error = $"unknown field '{request.Field}' (expected one of {string.Join(", ", RuleFields.All)}; use label for labels)";
            return false;
        }

        var operators = new (MatchOperator Op, string? Value, bool Given)[]
        {
            (MatchOperator.Equals, request.EqualTo, request.EqualTo is not null),
            (MatchOperator.Regex, request.Regex, request.Regex is not null),
            (MatchOperator.Exists, null, request.Exists is not null),
            (MatchOperator.AtLeast, request.AtLeast, request.AtLeast is not null),
        }.Where(o => o.Given).ToList();
        if (operators.Count != 1)
        {
            error = "give exactly one of equals, regex, exists, atLeast";
            return false;
        }

        var (op, value, _) = operators[0];
        if (op == MatchOperator.Regex && !IsRegex(value!))
        {
            error = $"regex '{value}' does not compile";
            return false;
        }

        if (op == MatchOperator.AtLeast && SeverityParser.Parse(value) == Severity.Unknown)
        {
            error = $"atLeast '{value}' is not a severity (info, warning, error, critical)";
            return false;
        }

        var negate = (request.Not ?? false) ^ (request.Exists == false);
        matcher = new SignalMatcher(request.Field, request.Label, op, value, negate);
        return true;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
