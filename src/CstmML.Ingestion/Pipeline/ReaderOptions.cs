namespace CstmML.Ingestion.Pipeline;

/// <summary>Limits of the streaming JSON reader.</summary>
public sealed record ReaderOptions
{
    /// <summary>The largest record in bytes; larger ones are rejected and skipped. Default <see cref="ReaderDefaults.MaxRecordBytes"/>.</summary>
    public int MaxRecordBytes { get; init; } = ReaderDefaults.MaxRecordBytes;

    /// <summary>The deepest JSON nesting accepted. Default <see cref="ReaderDefaults.MaxDepth"/>.</summary>
    public int MaxDepth { get; init; } = ReaderDefaults.MaxDepth;

    /// <summary>The initial read buffer. Default <see cref="ReaderDefaults.BufferBytes"/>.</summary>
    public int BufferBytes { get; init; } = ReaderDefaults.BufferBytes;

    /// <summary>Whether an object that starts with a container key is parsed in one pass (tests turn it off to compare).</summary>
    internal bool EnvelopesInOnePass { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordBytes, 16, nameof(MaxRecordBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 4, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferBytes, 16, nameof(BufferBytes));
    }
}
