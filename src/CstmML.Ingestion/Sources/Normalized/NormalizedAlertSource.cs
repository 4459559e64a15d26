using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using F = CstmML.Ingestion.Sources.Normalized.NormalizedFields;

namespace CstmML.Ingestion.Sources.Normalized;

/// <summary>
/// Alerts already normalized: the JSON Lines that <c>cstm map</c> writes (snake_case <see cref="NormalizedAlert"/>,
/// <c>CstmJsonContext</c>), read back as they are, mappings and <c>raw_ref</c> included, so map -> read -> map is
/// byte-identical. Detected by an object <c>raw_ref</c> beside string <c>id</c>, <c>time</c>, <c>type</c> and
/// <c>principal</c>. See README.md.
/// </summary>
internal sealed class NormalizedAlertSource : IAlertSource
{
    /// <summary>The <c>--format</c> name.</summary>
    public const string FormatName = "normalized";

    private NormalizedAlertSource()
    {
    }

    /// <summary>The shared, stateless instance.</summary>
    public static NormalizedAlertSource Instance { get; } = new();

    public string Name => FormatName;

    /// <summary>Nominal only: each alert names its own provider.</summary>
    public CloudProvider Provider => CloudProvider.Aws;

    /// <summary>Nominal only: each alert names its own product.</summary>
    public AlertProduct Product => AlertProduct.Csv;

    /// <summary>None: the alerts carry their own mappings.</summary>
    public IReadOnlyList<KnownAlertType> KnownTypes => [];

    public bool Matches(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object &&
        record.TryGetProperty(F.RawRef, out var rawRef) && rawRef.ValueKind == JsonValueKind.Object &&
        IsString(record, F.Id) && IsString(record, F.Time) && IsString(record, F.Type) && IsString(record, F.Principal);

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        NormalizedAlert? alert;
        try
        {
            alert = record.Deserialize(CstmJsonContext.Default.NormalizedAlert);
        }
        catch (JsonException ex)
        {
            return NormalizeResult.Fail("not a normalized alert: " + Clean(ex), ex.Path is { Length: > 2 } p ? p[2..] : null);
        }

        return Check(alert, out var error, out var field) is { } ok ? NormalizeResult.Ok(ok) : NormalizeResult.Fail(error!, field);
    }

    /// <summary>The alert of the fast path when its values pass the same checks as <see cref="Normalize"/>; else null.</summary>
    internal static NormalizedAlert? Checked(NormalizedAlert? alert) => Check(alert, out _, out _);

    // The alert when its values are usable (UTC time), else null with the reason and field.
    private static NormalizedAlert? Check(NormalizedAlert? a, out string? error, out string? field)
    {
        (error, field) = a switch
        {
            null => ("not a normalized alert: null", null),
            { Id: null or "" } => ("id must be a non-empty string", F.Id),
            { Type: null or "" } => ("type must be a non-empty string", F.Type),
            { Principal: null or "" } => ("principal must be a non-empty string", F.Principal),
            { RawRef: null } => ("raw_ref must be an object with file and line", F.RawRef),
            { RawRef.File: null } => ("raw_ref.file must be a string", F.RawRefFile),
            _ when !Enum.IsDefined(a.Provider) => ($"provider {(int)a.Provider} is not a known provider", F.Provider),
            _ when !Enum.IsDefined(a.Product) => ($"product {(int)a.Product} is not a known product", F.Product),
            _ when a.Severity is not (>= 0 and <= 10) => ($"severity {a.Severity} is not from 0 to 10", F.Severity),
            _ => (null, null),
        };
        if (error is not null)
        {
            return null;
        }

        // Fields with a default that are missing or null take it (the generated reader leaves a missing init-only
        // property null rather than at its initializer). Alert times are UTC; map writes +00:00, hand-made files may not.
        if (a!.Account is null || a.PrincipalType is null || a.Outcome is null || a.Techniques is null || a.Tactics is null || a.Mapping is null)
        {
            a = a with
            {
                Account = a.Account ?? string.Empty,
                PrincipalType = a.PrincipalType ?? PrincipalTypes.Unknown,
                Outcome = a.Outcome ?? Outcomes.Success,
                Techniques = a.Techniques ?? [],
                Tactics = a.Tactics ?? [],
                Mapping = a.Mapping ?? [],
            };
        }

        return a.Time.Offset == TimeSpan.Zero ? a : a with { Time = a.Time.ToUniversalTime() };
    }

    private static bool IsString(JsonElement record, string name) =>
        record.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String;

    // The exception text without System.Text.Json's position suffix (the record's own line is reported instead).
    private static string Clean(JsonException ex)
    {
        var m = ex.Message;
        var cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? m[..cut] : m).TrimEnd('.', ' ');
    }
}
