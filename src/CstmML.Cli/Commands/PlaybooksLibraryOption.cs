using System.CommandLine;

namespace CstmML.Cli.Commands;

/// <summary>The shared <c>--playbooks DIR</c> option; the default library is <c>models/playbooks/</c>.</summary>
internal static class PlaybooksLibraryOption
{
    /// <summary>The default library folder, relative to the repository or install root.</summary>
    public const string DefaultRelativePath = "models/playbooks";

    public static Option<string[]> Create() => new("--playbooks")
    {
        Description = $"Playbook folders or playbook.yaml files (default: {DefaultRelativePath}/, searched upward from the current folder)",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [ResolveDefault()],
    };

    /// <summary>Finds models/playbooks in the current folder or its parents, then beside the executable.</summary>
    public static string ResolveDefault()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return DefaultRelativePath;
    }
}
