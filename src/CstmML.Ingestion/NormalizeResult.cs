using CstmML.Core.Alerts;

namespace CstmML.Ingestion;

/// <summary>The outcome of normalizing one record: an alert, or a rejection reason naming the field. Never an exception.</summary>
public sealed record NormalizeResult
{
    private NormalizeResult()
    {
    }

    public NormalizedAlert? Alert { get; private init; }

    /// <summary>Why the record was rejected (null on success).</summary>
    public string? Error { get; private init; }

    /// <summary>The field at fault, as a JSON path such as <c>eventTime</c> or <c>detail.updatedAt</c>.</summary>
    public string? Field { get; private init; }

    /// <summary>Non-fatal notes, e.g. a technique id that could not be normalized to the pinned ATT&amp;CK version.</summary>
    public IReadOnlyList<string> Notes { get; private init; } = [];

    public bool Succeeded => Alert is not null;

    public static NormalizeResult Ok(NormalizedAlert alert, IReadOnlyList<string>? notes = null) =>
        new() { Alert = alert, Notes = notes ?? [] };

    public static NormalizeResult Fail(string error, string? field = null) =>
        new() { Error = error, Field = field };
}
