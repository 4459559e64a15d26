using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Offered a JSON Lines line by <see cref="JsonRecordReader"/> before its own record-boundary pass: the bytes from
/// the line's '{' to its last '}' (trailing white space cut, valid UTF-8). Returns true only when the line is
/// exactly one complete JSON object within the reader's depth limit, not an envelope (no <see cref="ContainerKeys"/>
/// property, no escaped property name at its top level: the reader would open it), and the taker has consumed it as
/// its record (the reader then moves past it); false leaves the line to the reader, as if it had not been offered.
/// </summary>
internal delegate bool LineTaker(ReadOnlySpan<byte> line, RawRef rawRef);
