namespace CstmML.Notebooks.Tests;

/// <summary>Where the repository, its notebooks and the runner's output folder are.</summary>
internal static class NotebookPaths
{
    /// <summary>Environment variable the runner sets to a temp folder; notebooks write their outputs there (else to <c>notebooks/out/</c>).</summary>
    public const string OutputVariable = "CSTM_NOTEBOOK_OUT";

    /// <summary>The repository root: the first folder above the test binaries that holds <c>CstmML.sln</c>.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The <c>notebooks/</c> folder.</summary>
    public static string NotebooksFolder => Path.Combine(RepoRoot, "notebooks");

    /// <summary>Every <c>*.ipynb</c> in <see cref="NotebooksFolder"/>, in ordinal name order.</summary>
    public static IReadOnlyList<string> AllNotebooks() =>
        [.. Directory.EnumerateFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal)];

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CstmML.sln above {AppContext.BaseDirectory}: the notebook tests must run from the repository's build output.");
    }
}
