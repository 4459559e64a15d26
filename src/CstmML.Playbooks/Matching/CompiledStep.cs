using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>A step with its timing turned into ticks and its criteria compiled.</summary>
internal sealed class CompiledStep
{
    public CompiledStep(PlaybookStep step, int index)
    {
        Step = step;
        Index = index;
        Stage = step.Stage;
        Criteria = new CompiledCriteria(step.Match);
        WithinTicks = step.Within?.Ticks ?? 0;
        Count = step.Count;
        Distinct = step.Distinct;
    }

    public PlaybookStep Step { get; }

    public int Index { get; }

    public int Stage { get; }

    public string Name => Step.Name;

    public CompiledCriteria Criteria { get; }

    /// <summary>0 when the step has no 'within'.</summary>
    public long WithinTicks { get; }

    public CountRequirement? Count { get; }

    public DistinctRequirement? Distinct { get; }

    public bool Absent => Step.Absent;

    /// <summary>Count and distinct steps accumulate alerts before they hold.</summary>
    public bool HasAccumulator => Count is not null || Distinct is not null;
}
