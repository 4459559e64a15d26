namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Where the stream of a <see cref="JsonRecordReader"/> starts within its input and how it ends, for reading a file
/// in pieces (<see cref="FileChunk"/>) exactly as one reader reads it whole.
/// </summary>
/// <param name="Line">The 1-based line the stream's first byte is on.</param>
/// <param name="Continued">
/// The stream starts at a clean cut inside the input (a line start where the whole-input reader stood at top level
/// after a record; see <see cref="JsonRecordReader.EndedClean"/>), not at the input's start: no BOM check, the input is
/// not empty.
/// </param>
/// <param name="SoftEnd">The stream ends at a cut, not at the input's end: the reader stops there (nothing is final) and reports <see cref="JsonRecordReader.EndedClean"/>.</param>
internal readonly record struct ReaderStart(long Line, bool Continued, bool SoftEnd);
