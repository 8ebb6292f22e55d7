using System.Text.Json;
using System.Text.Json.Nodes;
using AIOps.Core.Model;
using AIOps.Core.Serialization;
using AIOps.Server.Api.Actions;

namespace AIOps.Server.Api;

/// <summary>
/// The API's incident shape: the engine's incident JSON unchanged, plus "operator" (acknowledgement,
/// resolution, silence, noise mark, feedback, every action), so an exported incident carries what people did.
/// </summary>
internal static class IncidentViews
{
    public static JsonObject Full(Incident incident, OperatorState state)
    {
        var node = JsonSerializer.SerializeToNode(incident, AiopsJson.Options)!.AsObject();
        node["operator"] = JsonSerializer.SerializeToNode(state, AiopsJson.Options);
        node["operator"]!["suppressed"] = state.Suppressed;
        return node;
    }

    /// <summary>What the live stream sends: enough for a list row; the client fetches the rest.</summary>
    public static string Summary(Incident incident, OperatorState state)
    {
        var top = incident.RootCause?.Candidates.FirstOrDefault();
        return JsonSerializer.Serialize(
            new
            {
                incident.Id,
                incident.Version,
                incident.Status,
                incident.Severity,
                incident.Title,
                incident.Entities,
                incident.Change,
                incident.LastSeen,
                TopCause = top?.Entity,
                Operator = state.Status,
            },
            AiopsJson.Options);
    }

    /// <summary>Strong ETag: the incident version plus the action log revision (an acknowledgement changes the representation too).</summary>
    public static string ETag(Incident incident, long revision) => $"\"{incident.Version}.{revision}\"";
}
