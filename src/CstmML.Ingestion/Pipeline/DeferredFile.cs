namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// A small JSON input file whose bytes the reading thread has loaded but not decoded: a worker opens it (gzip, UTF-16)
/// and reads its records exactly as the reading thread would have, so a folder of many small files (an S3 CloudTrail
/// export) is decompressed and parsed on every worker instead of on the one reading thread.
/// </summary>
/// <param name="File">The file's path (raw references, rejects).</param>
/// <param name="Bytes">Its content as stored (compressed or not).</param>
/// <param name="Reader">The reader limits of the run.</param>
/// <param name="Budget">Most record bytes a worker holds for it; a larger file is read again by the consumer, streaming.</param>
internal sealed record DeferredFile(string File, byte[] Bytes, ReaderOptions Reader, int Budget);
