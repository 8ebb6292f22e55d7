namespace AIOps.Accuracy;

internal static class Program
{
    public static int Main() => 0;
}
