using System.Numerics;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>A playbook turned into bit masks per stage, so the matcher advances partial matches with a few integer operations.</summary>
internal sealed class CompiledPlaybook
{
    public CompiledPlaybook(Playbook playbook, int index)
    {
        if (playbook.Steps.Count > Loading.PlaybookValidator.MaxSteps)
        {
            throw new ArgumentException($"playbook '{playbook.Id}' has {playbook.Steps.Count} steps; at most {Loading.PlaybookValidator.MaxSteps} are supported", nameof(playbook));
        }

        Playbook = playbook;
        Index = index;
        Steps = playbook.Steps.Select((s, i) => new CompiledStep(s, i)).ToArray();
        WindowTicks = playbook.Window.Ticks;
        StageCount = Steps.Length == 0 ? 0 : Steps.Max(s => s.Stage) + 1;
        StageRequired = new ulong[StageCount];
        AbsentByAnchor = new int[Steps.Length][];
        var anchors = new List<int>[Steps.Length];
        var lastPositive = -1;
        foreach (var s in Steps)
        {
            var bit = 1UL << s.Index;
            if (s.Absent)
            {
                AbsentMask |= bit;
                if (lastPositive >= 0)
                {
                    (anchors[lastPositive] ??= []).Add(s.Index);
                }

                continue;
            }

            lastPositive = s.Index;
            PositiveMask |= bit;
            if (!s.Step.Optional)
            {
                RequiredMask |= bit;
                StageRequired[s.Stage] |= bit;
            }
        }

        for (var i = 0; i < Steps.Length; i++)
        {
            AbsentByAnchor[i] = anchors[i]?.ToArray() ?? [];
        }

        // A run can start at any positive step reachable through stages with nothing required.
        RequiredStagesBefore = new int[StageCount + 1];
        for (var g = 0; g < StageCount; g++)
        {
            RequiredStagesBefore[g + 1] = RequiredStagesBefore[g] + (StageRequired[g] != 0 ? 1 : 0);
        }

        foreach (var s in Steps)
        {
            if (!s.Absent && RequiredStagesBefore[s.Stage] == 0)
            {
                StartMask |= 1UL << s.Index;
            }
        }

        PositiveCount = BitOperations.PopCount(PositiveMask);
        Minimum = Math.Clamp(playbook.EffectiveMinimum, 1, Math.Max(1, PositiveCount));
    }

    public Playbook Playbook { get; }

    public int Index { get; }

    public CompiledStep[] Steps { get; }

    public long WindowTicks { get; }

    public int StageCount { get; }

    /// <summary>Per stage, the required positive steps.</summary>
    public ulong[] StageRequired { get; }

    /// <summary>Prefix counts: how many stages before stage g require something.</summary>
    public int[] RequiredStagesBefore { get; }

    public ulong PositiveMask { get; }

    public ulong RequiredMask { get; }

    public ulong AbsentMask { get; }

    public ulong StartMask { get; }

    /// <summary>For each positive step, the absent steps whose period it opens.</summary>
    public int[][] AbsentByAnchor { get; }

    public int PositiveCount { get; }

    public int Minimum { get; }

    /// <summary>True when no stage strictly between <paramref name="from"/> and <paramref name="to"/> requires a step.</summary>
    public bool CanSkipBetween(int from, int to) => RequiredStagesBefore[to] - RequiredStagesBefore[from + 1] == 0;
}
