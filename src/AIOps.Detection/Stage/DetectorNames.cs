using System.Text.RegularExpressions;
using AIOps.Detection.Scoring;

namespace AIOps.Detection.Stage;

/// <summary>The name signals carry for their detector: the factory's type name in kebab case, without "DetectorFactory".</summary>
internal static partial class DetectorNames
{
    public static string Of(ISeriesDetectorFactory factory)
    {
        var name = factory.GetType().Name.Replace("DetectorFactory", string.Empty, StringComparison.Ordinal).Replace("Factory", string.Empty, StringComparison.Ordinal);
        return UpperCase().Replace(name, m => (m.Index > 0 ? "-" : string.Empty) + m.Value.ToLowerInvariant());
    }

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
