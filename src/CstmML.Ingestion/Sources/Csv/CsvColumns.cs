namespace CstmML.Ingestion.Sources.Csv;

/// <summary>The documented CSV columns (header names, matched case-insensitively; see README.md).</summary>
public static class CsvColumns
{
    public const string Time = "time";
    public const string Type = "type";
    public const string Principal = "principal";
    public const string Account = "account";
    public const string Provider = "provider";
    public const string Product = "product";
    public const string Region = "region";
    public const string SourceIp = "source_ip";
    public const string UserAgent = "user_agent";
    public const string Outcome = "outcome";
    public const string Severity = "severity";
    public const string Techniques = "techniques";
    public const string Tactics = "tactics";
    public const string Id = "id";
    public const string PrincipalType = "principal_type";
    public const string SessionName = "session_name";
    public const string Service = "service";

    /// <summary>Columns every file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Time, Type, Principal];

    /// <summary>Every documented column, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Time, Type, Principal, Account, Provider, Product, Region, SourceIp, UserAgent, Outcome, Severity,
        Techniques, Tactics, Id, PrincipalType, SessionName, Service,
    ];

    /// <summary>Separators accepted inside the techniques and tactics columns.</summary>
    public static IReadOnlyList<char> ListSeparators { get; } = [';', '|'];
}
