namespace CstmML.Ingestion.Tests.TestSupport;

/// <summary>Paths inside the repository, found by walking up from the test binaries to the folder holding CstmML.sln.</summary>
public static class RepoPath
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CstmML.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root, given as segments.</summary>
    public static string Combine(params string[] segments) => Path.Combine([Root, .. segments]);

    /// <summary>A path under tests/CstmML.Ingestion.Tests.</summary>
    public static string Tests(params string[] segments) => Path.Combine([Root, "tests", "CstmML.Ingestion.Tests", .. segments]);
}
