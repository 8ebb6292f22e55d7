namespace AIOps.Accuracy.Rca;

/// <summary>Finds the shared datasets: --data DIR, else ../shared/datasets next to the repository root (the folder with AIOps.sln).</summary>
internal static class DataLocator
{
    public static string? Find(string? explicitDir)
    {
        if (explicitDir is not null)
        {
            return Directory.Exists(explicitDir) ? Path.GetFullPath(explicitDir) : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
                {
                    var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }
}
