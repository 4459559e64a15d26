namespace CstmML.Training.Tests.Simulation;

/// <summary>Locates checked-in reference data from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Reference(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "training-data", "reference", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"training-data/reference/{relative} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The first CSV column of every data row.</summary>
    public static HashSet<string> FirstColumn(string relative) =>
        File.ReadLines(Reference(relative)).Skip(1).Select(l => l.Split(',')[0].Trim('"')).ToHashSet(StringComparer.Ordinal);
}
