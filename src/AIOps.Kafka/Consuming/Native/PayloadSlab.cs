namespace AIOps.Kafka.Consuming.Native;

/// <summary>
/// Copies native payloads into shared managed slabs instead of an array per message. A slab is never reused:
/// a handler may keep a payload slice as long as it likes (the slab lives while any slice does), so the
/// <see cref="AIOps.Core.Ports.InboundMessage"/> contract is the same as with a fresh array per message.
/// </summary>
internal sealed unsafe class PayloadSlab
{
    /// <summary>Below the large object heap threshold (85,000 bytes), so slabs die young in gen 0.</summary>
    internal const int SlabSize = 64 * 1024;

    /// <summary>Larger payloads get an array of their own rather than wasting the rest of a slab.</summary>
    internal const int DedicatedAbove = SlabSize / 8;

    private byte[] _slab = [];
    private int _used;

    public ReadOnlyMemory<byte> Copy(IntPtr source, nuint length)
    {
        if (source == IntPtr.Zero || length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var size = checked((int)length);
        var from = new ReadOnlySpan<byte>((void*)source, size);
        if (size > DedicatedAbove)
        {
            return from.ToArray();
        }

        if (_slab.Length - _used < size)
        {
            _slab = GC.AllocateUninitializedArray<byte>(SlabSize);
            _used = 0;
        }

        from.CopyTo(_slab.AsSpan(_used, size));
        var memory = new ReadOnlyMemory<byte>(_slab, _used, size);
        _used += size;
        return memory;
    }
}
