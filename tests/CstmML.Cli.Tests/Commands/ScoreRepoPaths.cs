namespace CstmML.Cli.Tests.Commands;

/// <summary>Paths in the source tree (found from the test binaries upwards), for the bundled model, samples and fixtures.</summary>
internal static class ScoreRepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding CstmML.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The full path of <paramref name="relative"/> (forward slashes) under the repository root.</summary>
    public static string Of(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CstmML.sln not found above the test binaries.");
    }
}
