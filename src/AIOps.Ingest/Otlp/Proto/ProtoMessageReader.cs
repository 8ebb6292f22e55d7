using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace AIOps.Ingest.Otlp.Proto;

/// <summary>
/// A read-only OTLP message defined by its .proto field numbers: <see cref="CodedInputStream.ReadMessage"/>
/// reads the length prefix, limits the stream to the sub-message (and bounds recursion) and calls
/// <see cref="MergeFrom"/>, which sees each field's tag; unknown fields are skipped. Instances are reused per
/// decode, so nothing but the records is allocated per field.
/// </summary>
internal abstract class ProtoMessageReader : IMessage
{
    MessageDescriptor IMessage.Descriptor => throw new NotSupportedException("OTLP readers have no descriptor");

    public virtual void MergeFrom(CodedInputStream input)
    {
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (!OnField(input, tag))
            {
                input.SkipLastField();
            }
        }
    }

    void IMessage.WriteTo(CodedOutputStream output) => throw new NotSupportedException("OTLP readers only read");

    int IMessage.CalculateSize() => throw new NotSupportedException("OTLP readers only read");

    /// <summary>Consumes the field whose <paramref name="tag"/> was just read, or returns false to skip it.</summary>
    protected abstract bool OnField(CodedInputStream input, uint tag);
}
