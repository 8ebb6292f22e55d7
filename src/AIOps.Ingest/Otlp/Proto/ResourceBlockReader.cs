using Google.Protobuf;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// ResourceMetrics / ResourceLogs / ResourceSpans (resource = 1, scope_x = 2, legacy instrumentation_library_x =
/// 1000). Encoders write the resource before the scopes, as field order asks; when one does not (or there is no
/// resource), the scopes are read again in a second pass over the same bytes once the resource is known.
/// </summary>
internal sealed class ResourceBlockReader(byte[] buffer, ResourceReader resourceReader, ScopeReader scope) : ProtoMessageReader
{
    public int Blocks { get; private set; }

    public override void MergeFrom(CodedInputStream input)
    {
        Blocks++;
        var start = input.Position;
        OtlpResource? resource = null;
        var deferred = false;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == OtlpWire.ResourceTag)
            {
                resource = new OtlpResource(resourceReader.Read(input));
            }
            else if (IsScope(tag) && resource is not null && !deferred)
            {
                scope.Read(input, resource);
            }
            else
            {
                deferred |= IsScope(tag);
                input.SkipLastField();
            }
        }

        if (deferred)
        {
            var again = OtlpWire.Reopen(buffer, start, input.Position);
            resource ??= OtlpResource.Empty;
            while ((tag = again.ReadTag()) != 0)
            {
                if (IsScope(tag))
                {
                    scope.Read(again, resource);
                }
                else
                {
                    again.SkipLastField();
                }
            }
        }
    }

    protected override bool OnField(CodedInputStream input, uint tag) => false;

    private static bool IsScope(uint tag) => tag is OtlpWire.ScopeTag or OtlpWire.LegacyScopeTag;
}
