namespace CstmML.Playbooks.Tests;

/// <summary>Finds checked-in folders (models/playbooks) from the test's output directory.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("CstmML.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string PlaybookLibrary => Path.Combine(Root, "models", "playbooks");
}
