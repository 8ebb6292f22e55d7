using AIOps.Core.Model;
using AIOps.Ingest.Common;

namespace AIOps.Ingest.Logs;

/// <summary>
/// Change events (deploys, config changes) sent as plain JSON on a log or events topic. The shape, for CI/CD hooks
/// and scripts:
/// <code>
/// {"kind":"deploy", "service":"checkout", "version":"1.4.2", "timestamp":"2026-11-27T16:00:00Z",
///  "id":"deploy-8812", "title":"Deploy checkout 1.4.2", "environment":"prod", "namespace":"shop",
///  "labels":{"team":"payments"}, "message":"canary 10%", "url":"https://ci/runs/8812"}
/// </code>
/// Recognised by <c>kind</c> = deploy | deployment | change | config | release | rollback (lower case, so a
/// Kubernetes object's <c>"kind":"Deployment"</c> is not taken), or <c>type</c> = deployment | deploy | change.
/// Only <c>kind</c>/<c>type</c> and a time are required. Top-level scalars become labels (with the
/// <c>labels</c> object); message, description and url become annotations; <c>id</c> is the fingerprint.
/// </summary>
internal static class ChangeEventMapper
{
    public const string Source = "change";

    private static readonly string[] AnnotationKeys = ["message", "description", "url", "commit_message"];
    private static readonly string[] SkippedKeys = ["@timestamp", "timestamp", "time", "date", "ts", "title", "id", "labels", "severity"];

    public static bool IsChangeEvent(JsonFields root) =>
        root.String("kind") is "deploy" or "deployment" or "change" or "config" or "release" or "rollback" ||
        root.String("type") is "deployment" or "deploy" or "change";

    public static string? Map(JsonFields root, DateTimeOffset? timestamp, ICollection<TelemetryRecord> output)
    {
        if (timestamp is null)
        {
            return "change event has no timestamp and the message has none";
        }

        var labelItems = Labels.Rent();
        var annotationItems = Labels.Rent();
        for (var i = 0; i < root.Count; i++)
        {
            if (root.Scalar(i) is not { } value)
            {
                continue;
            }

            var name = root.Name(i);
            if (!Contains(SkippedKeys, name))
            {
                (Contains(AnnotationKeys, name) ? annotationItems : labelItems).Add(new(name, value));
            }
        }

        using (var nested = root.Object("labels"))
        {
            nested?.AddScalars(labelItems, prefix: null);
        }

        var labels = Labels.BuildAndReturn(labelItems);
        var annotations = Labels.BuildAndReturn(annotationItems);
        var kind = root.String("kind") ?? root.String("type") ?? "change";
        var service = labels.Get("service") ?? labels.Get("app") ?? labels.Get("service.name");
        var version = labels.Get("version");
        var title = root.FirstString("title", "summary") ?? annotations.Get("message") ?? $"{kind} {service} {version}".TrimEnd();
        var fingerprint = root.String("id");
        if (string.IsNullOrEmpty(fingerprint))
        {
            var hash = StableHash.Of(kind, labels);
            fingerprint = StableHash.Hex(StableHash.Combine(hash, (ulong)timestamp.Value.UtcTicks));
        }

        var severity = SeverityParser.Parse(root.String("severity"));
        output.Add(new EventRecord
        {
            Source = root.String("source") ?? Source,
            Fingerprint = fingerprint,
            Status = EventStatus.Firing,
            Severity = severity == Severity.Unknown ? Severity.Info : severity,
            Kind = EventKind.Change,
            Title = title,
            Labels = labels,
            Annotations = annotations,
            Timestamp = timestamp.Value,
            Resource = EntityResolver.FromLabels(labels),
        });
        return null;
    }

    private static bool Contains(string[] keys, string name) => Array.IndexOf(keys, name) >= 0;
}
