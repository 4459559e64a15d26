namespace CstmML.Ingestion.Pipeline;

/// <summary>Defaults of <see cref="PipelineOptions"/>, each with the reason for its value.</summary>
public static class PipelineDefaults
{
    /// <summary><c>auto</c>: every record is offered to each registered source's <c>Matches</c>.</summary>
    public const string Format = "auto";

    /// <summary>
    /// 24 hours of event time: providers re-deliver (CloudTrail may deliver an event twice; GuardDuty updates a
    /// finding in place) within hours, and 24 h equals the default maximum session span, so a duplicate can never
    /// reach two sequences. Memory is one id per alert of the last 24 h of event time.
    /// </summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromHours(24);

    /// <summary>At most this many distinct notes are kept; the rest are counted under one overflow note.</summary>
    public const int MaxDistinctNotes = 1000;
}
