namespace AIOps.Accuracy.Nab;

/// <summary>An anomaly window as inclusive row indices.</summary>
internal readonly record struct NabWindow(int Start, int End)
{
    public int Width => End - Start + 1;
}
