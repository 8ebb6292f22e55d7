using System.Text;
using AIOps.Detection.State;

namespace AIOps.Detection.Tests.State;

public sealed class TypeCodesTests
{
    [Theory]
    [InlineData(typeof(double))]
    [InlineData(typeof(DateTimeOffset))]
    [InlineData(typeof(TypeCodes))]
    [InlineData(typeof(DetectorStateCodec))]
    public void Write_TypeOfTheTable_ReadsBackItsNameFromACode(Type type)
    {
        var bytes = Write(type);

        Assert.True(bytes.Length <= 2, $"{type.FullName} took {bytes.Length} bytes");
        Assert.Equal(type.FullName, Read(bytes));
    }

    [Fact]
    public void Write_TypeOutsideTheTable_IsWrittenByName()
    {
        var type = typeof(List<double>);

        var bytes = Write(type);

        Assert.Equal(type.FullName, Read(bytes));
        Assert.Contains("List", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadName_CodePastTheTable_Throws()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(1_000_000);
        }

        Assert.Throws<InvalidDataException>(() => Read(stream.ToArray()));
    }

    [Fact]
    public void DetectorStateCodec_DefaultDetector_WritesNoTypeNames()
    {
        Assert.True(DetectorCatalog.TryCreate("default", out var factory));
        var detector = factory.Create("latency_ms");
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            DetectorStateCodec.Write(writer, detector, SharedObjects.Of(factory, "latency_ms"));
        }

        Assert.DoesNotContain("AIOps.", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    private static byte[] Write(Type type)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            TypeCodes.Write(writer, type);
        }

        return stream.ToArray();
    }

    private static string Read(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        return TypeCodes.ReadName(reader);
    }
}
