using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Json;

namespace CstmML.Ingestion.Sources.Csv;

/// <summary>
/// Alerts in the documented flat columns (Sources/Csv/README.md): CSV files, and JSON objects with the same keys
/// (so a JSON Lines export of the same table reads too). The row names its own provider and product.
/// </summary>
public sealed class CsvAlertSource : IAlertSource
{
    private CsvAlertSource()
    {
    }

    /// <summary>The shared, stateless instance.</summary>
    public static CsvAlertSource Instance { get; } = new();

    /// <summary>The <c>--format</c> name.</summary>
    public const string FormatName = "csv";

    public string Name => FormatName;

    /// <summary>Nominal only: each row names its own provider (column <c>provider</c>).</summary>
    public CloudProvider Provider => CloudProvider.Aws;

    public AlertProduct Product => AlertProduct.Csv;

    /// <summary>None: CSV rows carry their own techniques.</summary>
    public IReadOnlyList<KnownAlertType> KnownTypes => [];

    /// <summary>A flat JSON object with string <c>time</c>, <c>type</c> and <c>principal</c>.</summary>
    public bool Matches(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object &&
        record.Prop(CsvColumns.Time) is { ValueKind: JsonValueKind.String or JsonValueKind.Number } &&
        record.Prop(CsvColumns.Type) is { ValueKind: JsonValueKind.String } &&
        record.Prop(CsvColumns.Principal) is { ValueKind: JsonValueKind.String };

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return NormalizeResult.Fail($"record is a {record.ValueKind}, expected an object");
        }

        // Lists may also be JSON arrays of strings; they are joined with the CSV separator.
        return CsvRowNormalizer.Normalize(column => Cell(record, column), rawRef, () => ContentId.For(record));
    }

    private static string? Cell(JsonElement record, string column)
    {
        if (record.Prop(column) is { ValueKind: JsonValueKind.Array } list)
        {
            return string.Join(CsvColumns.ListSeparators[0], list.EnumerateArray().Select(e => ((JsonElement?)e).AsString()).Where(s => s is not null));
        }

        return record.Str(column);
    }

    internal static IEnumerable<CsvRowResult> ReadFile(Stream stream, string file) => CsvFileReader.Read(stream, file);
}
