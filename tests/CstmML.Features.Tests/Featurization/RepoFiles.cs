namespace CstmML.Features.Tests.Featurization;

/// <summary>Finds files the repository ships (reference data) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CstmML.sln")))
            {
                return System.IO.Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException($"No CstmML.sln above {AppContext.BaseDirectory}.");
    }
}
