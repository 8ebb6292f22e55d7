using System.Runtime.InteropServices;
using AIOps.Kafka.Consuming.Native;

namespace AIOps.Kafka.Tests.Consuming.Native;

public sealed class PayloadSlabTests
{
    [Fact]
    public void Copy_ManyPayloads_EachSliceKeepsItsBytesAfterLaterCopies()
    {
        var sut = new PayloadSlab();
        var copies = new List<(byte[] Expected, ReadOnlyMemory<byte> Copy)>();
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[1 + (i % 300)];
            Array.Fill(bytes, (byte)i);
            copies.Add((bytes, CopyPinned(sut, bytes, bytes.Length)));
        }

        Assert.All(copies, c => Assert.Equal(c.Expected, c.Copy.ToArray()));
    }

    [Fact]
    public void Copy_NullOrEmpty_ReturnsEmpty()
    {
        var sut = new PayloadSlab();
        var one = new byte[] { 1 };

        Assert.True(sut.Copy(IntPtr.Zero, 5).IsEmpty);
        Assert.True(CopyPinned(sut, one, 0).IsEmpty);
    }

    [Fact]
    public void Copy_LargePayload_GetsAnArrayOfItsOwn()
    {
        var sut = new PayloadSlab();
        var large = new byte[PayloadSlab.DedicatedAbove + 1];
        large[^1] = 7;

        var copy = CopyPinned(sut, large, large.Length);

        Assert.True(MemoryMarshal.TryGetArray(copy, out var segment));
        Assert.Equal(0, segment.Offset);
        Assert.Equal(large.Length, segment.Array!.Length);
        Assert.Equal(large, copy.ToArray());
    }

    private static ReadOnlyMemory<byte> CopyPinned(PayloadSlab sut, byte[] bytes, int length)
    {
        var pinned = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            return sut.Copy(pinned.AddrOfPinnedObject(), (nuint)length);
        }
        finally
        {
            pinned.Free();
        }
    }
}
