namespace CstmML.Ingestion.Pipeline;

/// <summary>Defaults of <see cref="ReaderOptions"/>, each with the reason for its value.</summary>
public static class ReaderDefaults
{
    /// <summary>
    /// 4 MiB: the largest single record accepted. CloudTrail caps an event at 256 KB and provider findings are a few
    /// KB, so anything this large is almost certainly not one alert; it also bounds the memory one record can take.
    /// Envelopes (a 1 GB <c>Records</c> file on one line) are streamed element by element and not limited.
    /// </summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    /// <summary>64: deeper than any provider schema (GuardDuty findings nest about 10 deep), shallow enough to stop hostile nesting.</summary>
    public const int MaxDepth = 64;

    /// <summary>64 KiB read buffer, grown up to <see cref="MaxRecordBytes"/> for long records.</summary>
    public const int BufferBytes = 64 * 1024;
}
