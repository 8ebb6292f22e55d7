namespace AIOps.Core.Model;

/// <summary>
/// Who emitted a record. <see cref="EntityKey"/> is the unit of correlation and root cause:
/// the service when known, else the pod, else the host.
/// </summary>
public sealed record Resource(
    string? Service,
    string? Host = null,
    string? Pod = null,
    string? Namespace = null,
    string? Cluster = null,
    string? Region = null)
{
    public static readonly Resource Unknown = new((string?)null);

    public const string UnknownEntity = "unknown";

    public string EntityKey => Service ?? Pod ?? Host ?? UnknownEntity;
}
