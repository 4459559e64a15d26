namespace CstmML.Core.Text;

/// <summary>
/// A minimal RFC 4180 field splitter for the small, trusted CSV tables embedded in the assembly. Core has no package
/// dependencies; user-supplied CSV goes through CsvHelper in the ingestion layer instead.
/// </summary>
public static class CsvLine
{
    /// <summary>Reads every record of <paramref name="reader"/>, quoted fields may span lines.</summary>
    public static IEnumerable<string[]> ReadAll(TextReader reader)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var inQuotes = false;
        var any = false;
        int ch;
        while ((ch = reader.Read()) != -1)
        {
            var c = (char)ch;
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return fields.ToArray();
                fields.Clear();
                any = false;
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
