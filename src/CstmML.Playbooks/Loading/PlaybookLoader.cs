using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Loading;

/// <summary>Loads playbooks from files or a library folder (<c>&lt;dir&gt;/&lt;id&gt;/playbook.yaml</c>), validating each.</summary>
public static class PlaybookLoader
{
    /// <summary>Parses and validates one playbook from text; the playbook is null when it has errors.</summary>
    public static (Playbook? Playbook, IReadOnlyList<PlaybookIssue> Issues) Parse(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var (playbook, issues) = PlaybookYamlReader.Read(yaml, file);
        if (playbook is null)
        {
            return (null, issues);
        }

        var all = issues.Concat(PlaybookValidator.Validate(playbook)).ToList();
        return (all.Any(i => i.Severity == IssueSeverity.Error) ? null : playbook, all);
    }

    /// <summary>
    /// Loads every playbook under the given paths (folders are searched for <c>playbook.yaml</c> files, in ordinal
    /// path order). Duplicate ids: the first (by path) wins and each later one is an error.
    /// </summary>
    public static PlaybookLoadResult Load(params IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var issues = new List<PlaybookIssue>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, PlaybookYamlKeys.PlaybookFileName, SearchOption.AllDirectories));
            }
            else if (File.Exists(p))
            {
                files.Add(p);
            }
            else
            {
                issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.IoError, "no such file or folder", new SourcePosition(p, 0, 0)));
            }
        }

        files.Sort(StringComparer.Ordinal);
        var playbooks = new List<Playbook>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.IoError, ex.Message, new SourcePosition(file, 0, 0)));
                continue;
            }

            var (playbook, fileIssues) = Parse(text, file);
            issues.AddRange(fileIssues);
            if (playbook is null)
            {
                continue;
            }

            if (seen.TryGetValue(playbook.Id, out var first))
            {
                issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.DuplicateId, $"id '{playbook.Id}' is already defined in {first}", playbook.Position ?? new SourcePosition(file, 0, 0), playbook.Id));
                continue;
            }

            seen[playbook.Id] = file;
            var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)));
            if (Path.GetFileName(file) == PlaybookYamlKeys.PlaybookFileName && folder != playbook.Id)
            {
                issues.Add(new PlaybookIssue(IssueSeverity.Warning, IssueCodes.Schema, $"id '{playbook.Id}' differs from its folder name '{folder}'", playbook.Position ?? new SourcePosition(file, 0, 0), playbook.Id));
            }

            playbooks.Add(playbook);
        }

        return new PlaybookLoadResult(playbooks, issues);
    }
}
