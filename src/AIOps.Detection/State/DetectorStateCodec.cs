using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace AIOps.Detection.State;

/// <summary>
/// Writes the learned state of one series' detector (every field of its object graph: numbers, arrays, nested
/// scorers, lazily created seasonal models) and reads it back into a fresh detector from the same factory, so a
/// restarted engine resumes warm. Generic over the graph, so a new scorer needs no serialization code.
/// Configuration the factory shares between its detectors (options, calibration settings) is never written or
/// overwritten: it always comes from the running configuration. Likewise readonly value fields (parameters set at
/// construction, e.g. a decay rate from detection.yaml) keep the running value; readonly references (per-series
/// buffers) are filled in place and must keep their shape. Mutable fields are what the detector learned. Not a general serializer: only types of this
/// assembly are instantiated, and the snapshot is valid only for the same build (see <see cref="DetectionStateFile"/>).
/// </summary>
internal static class DetectorStateCodec
{
    private const int MaxDepth = 24;
    private const byte Null = 0;
    private const byte Object = 1;
    private const byte Array = 2;
    private const byte Skipped = 3;

    private static readonly Assembly Home = typeof(DetectorStateCodec).Assembly;
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> FieldCache = new();

    public static void Write(BinaryWriter writer, object detector, SharedObjects shared)
    {
        TypeCodes.Write(writer, detector.GetType());
        WriteFields(writer, detector, detector.GetType(), shared, 0);
    }

    /// <exception cref="InvalidDataException">The bytes do not fit this detector's shape.</exception>
    public static void Read(BinaryReader reader, object detector, SharedObjects shared)
    {
        var name = TypeCodes.ReadName(reader);
        if (name != detector.GetType().FullName)
        {
            throw new InvalidDataException($"state of a {name} does not fit a {detector.GetType().FullName}");
        }

        ReadFields(reader, detector, detector.GetType(), shared, 0);
    }

    private static void WriteFields(BinaryWriter writer, object instance, Type type, SharedObjects shared, int depth)
    {
        foreach (var field in FieldsOf(type))
        {
            WriteValue(writer, field.FieldType, field.GetValue(instance), shared, depth);
        }
    }

    private static void ReadFields(BinaryReader reader, object instance, Type type, SharedObjects shared, int depth)
    {
        foreach (var field in FieldsOf(type))
        {
            var current = field.GetValue(instance);
            var value = ReadValue(reader, field.FieldType, current, shared, depth);
            if (field.IsInitOnly && !ReferenceEquals(value, current))
            {
                throw new InvalidDataException($"{type.Name}.{field.Name} has another shape than when the state was saved");
            }

            if (!field.IsInitOnly && (!ReferenceEquals(value, current) || field.FieldType.IsValueType))
            {
                field.SetValue(instance, value);
            }
        }
    }

    private static void WriteValue(BinaryWriter writer, Type type, object? value, SharedObjects shared, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"detector object graph deeper than {MaxDepth}");
        }

        if (Primitives.TryWrite(writer, type, value))
        {
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            writer.Write(value is not null);
            if (value is not null)
            {
                WriteValue(writer, inner, value, shared, depth + 1);
            }

            return;
        }

        if (type.IsValueType)
        {
            WriteFields(writer, value!, type, shared, depth + 1);
            return;
        }

        if (value is null)
        {
            writer.Write(Null);
        }
        else if (shared.Contains(value) || value is string or Delegate || (value is not System.Array && value.GetType().Assembly != Home))
        {
            writer.Write(Skipped); // configuration, immutable text, or a foreign type: the running instance keeps its own
        }
        else if (value is System.Array array)
        {
            writer.Write(Array);
            WriteArray(writer, array, shared, depth);
        }
        else
        {
            writer.Write(Object);
            TypeCodes.Write(writer, value.GetType());
            WriteFields(writer, value, value.GetType(), shared, depth + 1);
        }
    }

    private static object? ReadValue(BinaryReader reader, Type type, object? current, SharedObjects shared, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"detector state deeper than {MaxDepth}");
        }

        if (Primitives.TryRead(reader, type, out var primitive))
        {
            return primitive;
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return reader.ReadBoolean() ? ReadValue(reader, inner, current ?? RuntimeHelpers.GetUninitializedObject(inner), shared, depth + 1) : null;
        }

        if (type.IsValueType)
        {
            var boxed = current ?? RuntimeHelpers.GetUninitializedObject(type);
            ReadFields(reader, boxed, type, shared, depth + 1);
            return boxed;
        }

        switch (reader.ReadByte())
        {
            case Null:
                return null;
            case Skipped:
                return current;
            case Array:
                return ReadArray(reader, type, current as System.Array, shared, depth);
            case Object:
                var name = TypeCodes.ReadName(reader);
                var target = current?.GetType().FullName == name ? current : Create(name, type);
                ReadFields(reader, target, target.GetType(), shared, depth + 1);
                return target;
            default:
                throw new InvalidDataException("detector state is corrupt (unknown value tag)");
        }
    }

    private static void WriteArray(BinaryWriter writer, System.Array array, SharedObjects shared, int depth)
    {
        var element = array.GetType().GetElementType()!;
        TypeCodes.Write(writer, element);
        writer.Write(array.Length);
        if (element.IsPrimitive)
        {
            var bytes = new byte[Buffer.ByteLength(array)];
            Buffer.BlockCopy(array, 0, bytes, 0, bytes.Length);
            writer.Write(bytes);
            return;
        }

        for (var i = 0; i < array.Length; i++)
        {
            WriteValue(writer, element, array.GetValue(i), shared, depth + 1);
        }
    }

    private static System.Array ReadArray(BinaryReader reader, Type declared, System.Array? current, SharedObjects shared, int depth)
    {
        var elementName = TypeCodes.ReadName(reader);
        var length = reader.ReadInt32();
        var element = current?.GetType().GetElementType() ?? declared.GetElementType()
            ?? throw new InvalidDataException($"array of {elementName} where the detector has no array");
        if (element.FullName != elementName || length is < 0 or > 1 << 24)
        {
            throw new InvalidDataException($"array of {elementName}[{length}] does not fit the detector's {element.FullName}[]");
        }

        var array = current is not null && current.Length == length ? current : System.Array.CreateInstance(element, length);
        if (element.IsPrimitive)
        {
            var bytes = reader.ReadBytes(Buffer.ByteLength(array));
            if (bytes.Length != Buffer.ByteLength(array))
            {
                throw new EndOfStreamException("detector state ends inside an array");
            }

            Buffer.BlockCopy(bytes, 0, array, 0, bytes.Length);
            return array;
        }

        for (var i = 0; i < length; i++)
        {
            array.SetValue(ReadValue(reader, element, array.GetValue(i), shared, depth + 1), i);
        }

        return array;
    }

    private static object Create(string typeName, Type declared)
    {
        var type = Home.GetType(typeName);
        if (type is null || !declared.IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new InvalidDataException($"detector state names type {typeName}, which this build cannot place in a {declared.Name}");
        }

        return RuntimeHelpers.GetUninitializedObject(type);
    }

    // Instance fields, base type first, in declaration order (stable for one build).
    private static FieldInfo[] FieldsOf(Type type) => FieldCache.GetOrAdd(type, static t =>
    {
        var chain = new Stack<Type>();
        for (var current = t; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            chain.Push(current);
        }

        // Readonly value fields are configuration: neither written nor read.
        return [.. chain.SelectMany(c => c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(f => !(f.IsInitOnly && f.FieldType.IsValueType))
            .OrderBy(f => f.MetadataToken))];
    });
}
