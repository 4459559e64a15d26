namespace CstmML.Ingestion.Pipeline;

/// <summary>What one entry of a <see cref="RecordBatch"/> is.</summary>
internal enum BatchItemKind
{
    /// <summary>A new input file starts (counted; detection forgets the last winner).</summary>
    FileStart,

    /// <summary>A reject found while reading (bad file, bad JSON region...).</summary>
    Reject,

    /// <summary>A raw JSON record, its bytes in the batch buffer.</summary>
    Record,

    /// <summary>A CSV row, already normalized by the reading thread.</summary>
    Row,

    /// <summary>A JSON Lines record a fast path turned into an alert while reading (one-thread runs, <see cref="LineTaker"/>).</summary>
    Taken,
}
