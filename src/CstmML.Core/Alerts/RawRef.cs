namespace CstmML.Core.Alerts;

/// <summary>Where a record came from: the file and the 1-based line, or the 0-based record index inside a JSON document.</summary>
/// <param name="File">The input path as given (or a logical name such as <c>http</c>).</param>
/// <param name="Line">1-based line of the record start (JSON Lines, CSV) or of the document; 0 when unknown.</param>
/// <param name="Index">0-based index of the record inside its document (arrays, envelopes); null for one-record lines.</param>
public sealed record RawRef(string File, long Line, long? Index = null)
{
    public override string ToString() =>
        Index is { } i ? $"{File}:{Line}#{i}" : $"{File}:{Line}";
}
