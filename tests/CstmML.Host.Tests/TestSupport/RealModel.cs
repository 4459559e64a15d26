namespace CstmML.Host.Tests.TestSupport;

/// <summary>Copies of the shipped <c>models/default</c> (and the playbooks beside it, where the engine looks for them).</summary>
internal static class RealModel
{
    private static readonly string Root = FindRepoRoot();

    /// <summary>The shipped playbooks (<c>models/playbooks</c>), read in place.</summary>
    public static string PlaybooksDirectory => Path.Combine(Root, "models", "playbooks");

    /// <summary>Copies the model to <c>ROOT/model</c> and the playbooks to <c>ROOT/playbooks</c>; returns the model folder.</summary>
    public static string CopyTo(string root)
    {
        var model = Path.Combine(root, "model");
        CopyDir(Path.Combine(Root, "models", "default"), model);
        CopyDir(Path.Combine(Root, "models", "playbooks"), Path.Combine(root, "playbooks"));
        return model;
    }

    private static void CopyDir(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
