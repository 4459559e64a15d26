using CstmML.Core.Serialization;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Expands the PATH arguments of a command into files: a file is itself, a folder is every non-hidden data file
/// under it (recursive; <see cref="DataExtensions"/>, so a README beside the exports is not read as input), a glob (<c>*</c>, <c>?</c>, <c>**</c>) is every match. Folder and glob results are sorted by
/// path (ordinal) so runs are deterministic; a file named twice is read once.
/// </summary>
public static class InputFiles
{
    private static readonly char[] Wildcards = ['*', '?', '['];

    /// <summary>The file endings a folder is searched for (case-insensitive); files named directly are always read.</summary>
    public static readonly IReadOnlyList<string> DataExtensions = [".json", ".jsonl", ".ndjson", ".log", ".csv", ".gz"];

    /// <summary>The files to read, in order, and a reject for every PATH that matched nothing.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<RejectRecord> Errors) Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<RejectRecord>();
        foreach (var path in paths)
        {
            var found = ExpandOne(path);
            if (found.Count == 0)
            {
                var why = Directory.Exists(path) ? "folder has no files" : path.IndexOfAny(Wildcards) >= 0 ? "pattern matched no files" : "path not found";
                errors.Add(new RejectRecord(path, 0, null, why));
                continue;
            }

            foreach (var f in found)
            {
                if (seen.Add(Path.GetFullPath(f)))
                {
                    files.Add(f);
                }
            }
        }

        return (files, errors);
    }

    /// <summary>True for files read as CSV (<c>.csv</c>, <c>.csv.gz</c>).</summary>
    public static bool IsCsv(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    private static bool IsDataFile(string path)
    {
        foreach (var ext in DataExtensions)
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> ExpandOne(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return Sorted(Directory.EnumerateFiles(path, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                IgnoreInaccessible = true,
            }).Where(f => !Path.GetFileName(f).StartsWith('.') && IsDataFile(f)));
        }

        var wild = path.IndexOfAny(Wildcards);
        if (wild < 0)
        {
            return [];
        }

        // The folder part before the first wildcard is the root the pattern is matched under.
        var cut = path.LastIndexOfAny(['/', '\\'], wild);
        var root = cut < 0 ? "." : cut == 0 ? "/" : path[..cut];
        var pattern = cut < 0 ? path : path[(cut + 1)..];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        return Sorted(matcher.GetResultsInFullPath(root).Select(f => cut < 0 ? Path.GetRelativePath(".", f) : f));
    }

    private static List<string> Sorted(IEnumerable<string> files)
    {
        var list = files.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
