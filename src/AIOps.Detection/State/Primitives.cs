namespace AIOps.Detection.State;

/// <summary>The scalar field types of detector state, written in a fixed binary form.</summary>
internal static class Primitives
{
    public static bool TryWrite(BinaryWriter writer, Type type, object? value)
    {
        if (type.IsEnum)
        {
            writer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        switch (value)
        {
            case double d when type == typeof(double): writer.Write(d); return true;
            case float f when type == typeof(float): writer.Write(f); return true;
            case long l when type == typeof(long): writer.Write(l); return true;
            case ulong u when type == typeof(ulong): writer.Write(u); return true;
            case int i when type == typeof(int): writer.Write(i); return true;
            case uint u when type == typeof(uint): writer.Write(u); return true;
            case short s when type == typeof(short): writer.Write(s); return true;
            case ushort s when type == typeof(ushort): writer.Write(s); return true;
            case byte b when type == typeof(byte): writer.Write(b); return true;
            case sbyte b when type == typeof(sbyte): writer.Write(b); return true;
            case bool b when type == typeof(bool): writer.Write(b); return true;
            case char c when type == typeof(char): writer.Write((ushort)c); return true;
            case TimeSpan t when type == typeof(TimeSpan): writer.Write(t.Ticks); return true;
            case DateTime t when type == typeof(DateTime): writer.Write(t.ToBinary()); return true;
            case DateTimeOffset t when type == typeof(DateTimeOffset): writer.Write(t.UtcTicks); writer.Write((short)t.Offset.TotalMinutes); return true;
            default: return false;
        }
    }

    public static bool TryRead(BinaryReader reader, Type type, out object? value)
    {
        if (type.IsEnum)
        {
            value = Enum.ToObject(type, reader.ReadInt64());
            return true;
        }

        value = type switch
        {
            _ when type == typeof(double) => reader.ReadDouble(),
            _ when type == typeof(float) => reader.ReadSingle(),
            _ when type == typeof(long) => reader.ReadInt64(),
            _ when type == typeof(ulong) => reader.ReadUInt64(),
            _ when type == typeof(int) => reader.ReadInt32(),
            _ when type == typeof(uint) => reader.ReadUInt32(),
            _ when type == typeof(short) => reader.ReadInt16(),
            _ when type == typeof(ushort) => reader.ReadUInt16(),
            _ when type == typeof(byte) => reader.ReadByte(),
            _ when type == typeof(sbyte) => reader.ReadSByte(),
            _ when type == typeof(bool) => reader.ReadBoolean(),
            _ when type == typeof(char) => (char)reader.ReadUInt16(),
            _ when type == typeof(TimeSpan) => new TimeSpan(reader.ReadInt64()),
            _ when type == typeof(DateTime) => DateTime.FromBinary(reader.ReadInt64()),
            _ when type == typeof(DateTimeOffset) => ReadDateTimeOffset(reader),
            _ => null,
        };
        return value is not null;
    }

    private static DateTimeOffset ReadDateTimeOffset(BinaryReader reader)
    {
        var utcTicks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
