namespace CstmML.Ingestion.Sources.Normalized;

/// <summary>The snake_case field names of a normalized alert (<c>CstmJsonContext</c>) this source checks by name.</summary>
internal static class NormalizedFields
{
    public const string Id = "id";
    public const string Time = "time";
    public const string Type = "type";
    public const string Principal = "principal";
    public const string Provider = "provider";
    public const string Product = "product";
    public const string Severity = "severity";
    public const string RawRef = "raw_ref";
    public const string RawRefFile = "raw_ref.file";
}
