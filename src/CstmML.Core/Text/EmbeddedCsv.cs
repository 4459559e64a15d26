using System.Reflection;

namespace CstmML.Core.Text;

/// <summary>Reads a CSV table embedded in an assembly as header-keyed rows (trusted, build-time data only).</summary>
public static class EmbeddedCsv
{
    /// <summary>Yields each data row keyed by header name; missing trailing fields read as "".</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRows(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        foreach (var row in ReadRows(reader))
        {
            yield return row;
        }
    }

    /// <summary>Yields each data row of <paramref name="reader"/> keyed by header name.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRows(TextReader reader)
    {
        string[]? header = null;
        foreach (var fields in CsvLine.ReadAll(reader))
        {
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Length ? fields[i] : string.Empty;
            }

            yield return row;
        }
    }
}
