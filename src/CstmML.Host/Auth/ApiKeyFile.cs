namespace CstmML.Host.Auth;

/// <summary>Reads an API keys file: one <c>TENANT SHA256-HEX</c> per line; blank lines and <c>#</c> comments ignored.</summary>
public static class ApiKeyFile
{
    /// <summary>The line <c>cstm keys new</c> prints for a key.</summary>
    public static string Line(string tenant, string sha256) => $"{tenant} {sha256}";

    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the file and line.</exception>
    public static IReadOnlyList<ApiKeyRecord> Read(string path)
    {
        var result = new List<ApiKeyRecord>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !ApiKeyHash.IsHex(parts[1]))
            {
                throw new FormatException($"{path}:{lineNo}: expected 'TENANT SHA256-HEX' (64 hex digits).");
            }

            result.Add(new ApiKeyRecord(parts[0], parts[1].ToLowerInvariant()));
        }

        return result;
    }
}
