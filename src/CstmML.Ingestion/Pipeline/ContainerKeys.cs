namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// The property names of provider envelopes whose array holds the records (the one table of them). A top-level
/// object that has one of these with an array value is an envelope: its elements are the records.
/// </summary>
public static class ContainerKeys
{
    /// <summary>CloudTrail log files and LookupEvents-style exports.</summary>
    public const string Records = "Records";

    /// <summary>GuardDuty GetFindings responses.</summary>
    public const string Findings = "Findings";

    /// <summary>ARM and Microsoft Graph list responses (Defender for Cloud alerts).</summary>
    public const string Value = "value";

    /// <summary>GCP Security Command Center ListFindings responses.</summary>
    public const string ListFindingsResults = "listFindingsResults";

    /// <summary>GCP SCC exports and other lower-case finding lists.</summary>
    public const string FindingsLower = "findings";

    /// <summary>Prisma Cloud style list responses.</summary>
    public const string Data = "data";

    /// <summary>Prisma Cloud style paged lists.</summary>
    public const string Items = "items";

    /// <summary>All container keys, in the order they are tried on an object.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Records, Findings, Value, ListFindingsResults, FindingsLower, Data, Items];

    // UTF-8 forms, for matching property names in the streaming reader without allocating.
    internal static readonly byte[][] Utf8 = [.. All.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>True when <paramref name="utf8Name"/> is one of <see cref="All"/> (case-sensitive).</summary>
    internal static bool IsContainer(ReadOnlySpan<byte> utf8Name)
    {
        foreach (var key in Utf8)
        {
            if (utf8Name.SequenceEqual(key))
            {
                return true;
            }
        }

        return false;
    }
}
