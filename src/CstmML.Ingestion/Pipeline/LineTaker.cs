using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Offered a JSON Lines line by <see cref="JsonRecordReader"/> before its own record-boundary pass: the bytes from
/// the line's '{' to its last '}' (trailing white space cut, valid UTF-8). Returns true only when the line is
/// exactly one complete JSON object within the reader's depth limit and the taker has consumed it as its record
/// (the reader then moves past the line); false leaves the line to the reader, as if it had not been offered.
/// </summary>
internal delegate bool LineTaker(ReadOnlySpan<byte> line, RawRef rawRef);
