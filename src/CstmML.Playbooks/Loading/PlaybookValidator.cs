using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Loading;

/// <summary>Semantic checks on a parsed playbook. Returns issues with a severity; never throws.</summary>
public static class PlaybookValidator
{
    /// <summary>The engine tracks matched steps in a 64-bit mask.</summary>
    public const int MaxSteps = 64;

    /// <summary>Validates one playbook against the pinned ATT&amp;CK catalog and the engine's rules.</summary>
    public static IReadOnlyList<PlaybookIssue> Validate(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var issues = new List<PlaybookIssue>();
        var top = playbook.Position ?? new SourcePosition(playbook.Id, 0, 0);
        void Add(IssueSeverity sev, string code, string msg, SourcePosition? pos = null) =>
            issues.Add(new PlaybookIssue(sev, code, msg, pos ?? top, playbook.Id));

        if (playbook.Steps.Count > MaxSteps)
        {
            Add(IssueSeverity.Error, IssueCodes.Schema, $"at most {MaxSteps} steps are supported ({playbook.Steps.Count} given)");
        }

        if (playbook.References.Count == 0)
        {
            Add(IssueSeverity.Warning, IssueCodes.MissingReference, "no references: cite the public reporting the playbook is grounded in");
        }

        foreach (var r in playbook.References)
        {
            if (!Uri.TryCreate(r, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                Add(IssueSeverity.Warning, IssueCodes.MissingReference, $"reference '{r}' is not an http(s) URL");
            }
        }

        foreach (var t in playbook.Attack)
        {
            CheckTechnique(t, top, Add);
        }

        var positive = playbook.PositiveStepCount;
        var minimum = playbook.EffectiveMinimum;
        if (minimum < 1 || minimum > positive)
        {
            Add(IssueSeverity.Error, IssueCodes.BadMinimum, $"minimum {minimum} must be between 1 and the {positive} positive steps");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < playbook.Steps.Count; i++)
        {
            var step = playbook.Steps[i];
            var pos = step.Position ?? top;
            if (!names.Add(step.Name))
            {
                Add(IssueSeverity.Error, IssueCodes.DuplicateStep, $"step name '{step.Name}' is used twice", pos);
            }

            foreach (var t in step.Match.Techniques)
            {
                CheckTechnique(t, pos, Add);
            }

            CheckReachable(playbook, step, i, pos, Add);
        }

        CheckWindow(playbook, top, Add);
        return issues;
    }

    private static void CheckTechnique(TechniqueId id, SourcePosition pos, Action<IssueSeverity, string, string, SourcePosition?> add)
    {
        var n = AttackCatalog.Pinned.Normalize(id.Value);
        switch (n.Status)
        {
            case TechniqueNormalizationStatus.Current:
                break;
            case TechniqueNormalizationStatus.Revoked or TechniqueNormalizationStatus.Crosswalked or TechniqueNormalizationStatus.Generalized:
                add(IssueSeverity.Warning, IssueCodes.DeprecatedTechnique, $"{id}: {n.Note}; write {n.Id} instead", pos);
                break;
            default:
                add(IssueSeverity.Error, IssueCodes.UnknownTechnique, $"{id}: {n.Note}", pos);
                break;
        }
    }

    private static void CheckReachable(Playbook playbook, PlaybookStep step, int index, SourcePosition pos, Action<IssueSeverity, string, string, SourcePosition?> add)
    {
        void Unreachable(string why) => add(IssueSeverity.Error, IssueCodes.UnreachableStep, $"step '{step.Name}' can never match: {why}", pos);

        var m = step.Match;
        if (m.IsEmpty)
        {
            Unreachable("its match is empty (it would match every alert)");
        }

        if (m.EventNames.Count > 0 && m.Products.Count > 0 && !m.Products.Contains(AlertProduct.CloudTrail))
        {
            Unreachable("event_name only matches CloudTrail, but product excludes cloudtrail");
        }

        if (m.EventNames.Count > 0 && m.Providers.Count > 0 && !m.Providers.Contains(CloudProvider.Aws))
        {
            Unreachable("event_name only matches CloudTrail, but provider excludes aws");
        }

        if (m.Products.Count > 0 && m.Providers.Count > 0 && !m.Products.Any(p => ProviderOf(p) is null || m.Providers.Contains(ProviderOf(p)!.Value)))
        {
            Unreachable("no listed product belongs to a listed provider");
        }

        if (step.Within is { } w && w > playbook.Window)
        {
            add(IssueSeverity.Warning, IssueCodes.WindowTooShort, $"step '{step.Name}': within {DurationText.Format(w)} exceeds the window {DurationText.Format(playbook.Window)}", pos);
        }

        if (step.Count is { } c && c.Period > playbook.Window)
        {
            add(IssueSeverity.Warning, IssueCodes.WindowTooShort, $"step '{step.Name}': count period {DurationText.Format(c.Period)} exceeds the window", pos);
        }

        if (step.Absent)
        {
            if (index == 0 || playbook.Steps.Take(index).All(s => s.Absent))
            {
                Unreachable("an absent step needs a positive step before it to anchor its period");
            }

            if (step.Within is null)
            {
                Unreachable("an absent step needs 'within' (the period in which the alert must not follow)");
            }

            if (step.Optional || step.Count is not null || step.Distinct is not null)
            {
                Unreachable("an absent step cannot be optional or carry count/distinct");
            }
        }
        else if (step.Stage == 0 && step.Within is not null)
        {
            add(IssueSeverity.Warning, IssueCodes.Schema, $"step '{step.Name}' is in the first stage: 'within' has nothing to measure from and is ignored", pos);
        }
    }

    private static void CheckWindow(Playbook playbook, SourcePosition top, Action<IssueSeverity, string, string, SourcePosition?> add)
    {
        // The slowest complete match uses each stage's largest 'within'; a window shorter than their sum cuts it off.
        var sum = playbook.Steps.Where(s => !s.Absent && s.Within is not null)
            .GroupBy(s => s.Stage)
            .Aggregate(TimeSpan.Zero, (acc, g) => acc + g.Max(s => s.Within!.Value));
        if (sum > playbook.Window)
        {
            add(IssueSeverity.Warning, IssueCodes.WindowTooShort,
                $"window {DurationText.Format(playbook.Window)} is shorter than the sum of the steps' within ({DurationText.Format(sum)})", top);
        }
    }

    private static CloudProvider? ProviderOf(AlertProduct product) => product switch
    {
        AlertProduct.GuardDuty or AlertProduct.CloudTrail => CloudProvider.Aws,
        AlertProduct.Defender => CloudProvider.Azure,
        AlertProduct.Scc => CloudProvider.Gcp,
        AlertProduct.Prisma => CloudProvider.Prisma,
        _ => null,
    };
}
