using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Sources.Csv;

namespace CstmML.Ingestion.Pipeline;

/// <summary>One entry of a <see cref="RecordBatch"/>, in input order.</summary>
internal readonly record struct BatchItem
{
    public required BatchItemKind Kind { get; init; }

    /// <summary>Record: where its bytes start in the batch buffer.</summary>
    public int Start { get; init; }

    /// <summary>Record: its length in bytes.</summary>
    public int Length { get; init; }

    /// <summary>Record: where it came from.</summary>
    public RawRef? RawRef { get; init; }

    /// <summary>Reject: the reject.</summary>
    public RejectRecord? Reject { get; init; }

    /// <summary>Row: the normalized CSV row.</summary>
    public CsvRowResult Row { get; init; }

    /// <summary>Taken: the source whose fast path took the record.</summary>
    public IAlertSource? Source { get; init; }

    /// <summary>Taken: its alert.</summary>
    public NormalizedAlert? Alert { get; init; }
}
