namespace CstmML.Playbooks.Model;

/// <summary>One step of a playbook: what to match and the timing, count and negation rules around it.</summary>
public sealed record PlaybookStep
{
    /// <summary>Unique within the playbook; reported in detections.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The ordered stage this step belongs to (0-based). Steps of one unordered group share a stage and may match
    /// in any order; stages must match in order.
    /// </summary>
    public required int Stage { get; init; }

    public required StepCriteria Match { get; init; }

    /// <summary>Maximum time since the previous stage's last matched step (for an absent step: the negation period).</summary>
    public TimeSpan? Within { get; init; }

    public CountRequirement? Count { get; init; }

    public DistinctRequirement? Distinct { get; init; }

    /// <summary>An optional step may be skipped; it still counts toward steps matched when it matches.</summary>
    public bool Optional { get; init; }

    /// <summary>Negation: the match fails if an alert like this follows the previous step within <see cref="Within"/>.</summary>
    public bool Absent { get; init; }

    /// <summary>Where the step is written, for issues.</summary>
    public SourcePosition? Position { get; init; }
}
