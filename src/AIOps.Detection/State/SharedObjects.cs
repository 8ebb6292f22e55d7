using System.Reflection;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.State;

/// <summary>
/// The objects a factory hands to every detector it creates (options, calibration settings): found by building two
/// detectors and collecting what both reach at the same place. The codec leaves them alone, so a snapshot never
/// carries configuration across a change of configuration.
/// </summary>
internal sealed class SharedObjects
{
    private readonly HashSet<object> _objects = new(ReferenceEqualityComparer.Instance);

    private SharedObjects()
    {
    }

    public static SharedObjects Of(ISeriesDetectorFactory factory, string metricName)
    {
        var shared = new SharedObjects();
        shared.Collect(factory.Create(metricName), factory.Create(metricName), 0);
        return shared;
    }

    public bool Contains(object value) => _objects.Contains(value);

    private void Collect(object? first, object? second, int depth)
    {
        if (first is null || second is null || depth > 24 || first.GetType() != second.GetType() || first.GetType().IsPrimitive || first is string)
        {
            return;
        }

        if (ReferenceEquals(first, second))
        {
            _objects.Add(first);
            return;
        }

        if (first is Array a && second is Array b)
        {
            if (!a.GetType().GetElementType()!.IsPrimitive && a.Length == b.Length)
            {
                for (var i = 0; i < a.Length; i++)
                {
                    Collect(a.GetValue(i), b.GetValue(i), depth + 1);
                }
            }

            return;
        }

        for (var type = first.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPrimitive)
                {
                    Collect(field.GetValue(first), field.GetValue(second), depth + 1);
                }
            }
        }
    }
}
