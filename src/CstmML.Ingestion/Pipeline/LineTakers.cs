namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// The <see cref="LineTaker"/> of a <see cref="RecordProcessor"/>'s fast paths: a plain CloudTrail line becomes a
/// Taken entry (its outcome is independent of detection), a normalized alert line a Record entry with its outcome
/// (<see cref="RecordBatch.AddEvaluated"/>), so either is tokenized once instead of found by the reader and parsed again.
/// </summary>
internal static class LineTakers
{
    /// <summary>A taker adding to <paramref name="current"/>() what it takes; null when both fast paths are off.</summary>
    /// <remarks>
    /// A normalized outcome depends on the file's last winner, which is known for sure only on the consumer: the taker
    /// assumes the source of the last record it took itself (null at the start of what it reads), and the consumer
    /// evaluates the record again when the true last winner would change the outcome.
    /// </remarks>
    public static LineTaker? For(RecordProcessor processor, int maxDepth, Func<RecordBatch> current)
    {
        var cloudTrail = processor.CloudTrailFast;
        if (cloudTrail is null && processor.NormalizedFast is null)
        {
            return null;
        }

        IAlertSource? last = null;
        return (line, rawRef) =>
        {
            if (cloudTrail is not null && processor.TryCloudTrailLine(line, rawRef, maxDepth) is { } alert)
            {
                current().AddTaken(rawRef, cloudTrail, alert, line.Length);
                last = cloudTrail;
                return true;
            }

            if (processor.TryNormalizedLine(line, rawRef, last) is { } outcome)
            {
                current().AddEvaluated(line, rawRef, outcome);
                last = outcome.Source;
                return true;
            }

            return false;
        };
    }
}
