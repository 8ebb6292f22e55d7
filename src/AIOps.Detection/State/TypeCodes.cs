namespace AIOps.Detection.State;

/// <summary>
/// Short codes for the types a detector snapshot names (object types and array element types), so a series'
/// state is not dominated by type names. The table is every type of the detection assembly plus the scalar types,
/// in ordinal name order: identical for one build, which the snapshot header already requires. A type outside the
/// table (a closed generic, a foreign element type) is written by name after code 0.
/// </summary>
internal static class TypeCodes
{
    private static readonly Type[] Scalars =
    [
        typeof(double), typeof(float), typeof(long), typeof(ulong), typeof(int), typeof(uint), typeof(short),
        typeof(ushort), typeof(byte), typeof(sbyte), typeof(bool), typeof(char), typeof(TimeSpan), typeof(DateTime),
        typeof(DateTimeOffset),
    ];

    private static readonly Type[] Table = BuildTable();
    private static readonly Dictionary<Type, int> Codes = Table.Select((t, i) => (t, i + 1)).ToDictionary(p => p.t, p => p.Item2);

    public static void Write(BinaryWriter writer, Type type)
    {
        if (Codes.TryGetValue(type, out var code))
        {
            writer.Write7BitEncodedInt(code);
            return;
        }

        writer.Write7BitEncodedInt(0);
        writer.Write(type.FullName!);
    }

    /// <summary>The full name of the type written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The code names no type of this build.</exception>
    public static string ReadName(BinaryReader reader)
    {
        var code = reader.Read7BitEncodedInt();
        return code == 0 ? reader.ReadString()
            : (uint)(code - 1) < (uint)Table.Length ? Table[code - 1].FullName!
            : throw new InvalidDataException($"detector state names unknown type code {code}");
    }

    private static Type[] BuildTable() =>
    [
        .. typeof(TypeCodes).Assembly.GetTypes().Concat(Scalars)
            .DistinctBy(t => t.FullName)
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];
}
