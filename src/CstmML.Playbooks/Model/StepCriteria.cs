using CstmML.Core.Alerts;

namespace CstmML.Playbooks.Model;

/// <summary>
/// What an alert must look like to match a step. Every field that is set must match (AND); within a field any value
/// may match (OR). Text values containing <c>*</c> or <c>?</c> are globs.
/// </summary>
public sealed record StepCriteria
{
    /// <summary>Alert type of any product (finding type, eventName, AlertType, category, policy name).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>CloudTrail eventName: like <see cref="Types"/> but only for CloudTrail alerts.</summary>
    public IReadOnlyList<string> EventNames { get; init; } = [];

    /// <summary>The event's service (CloudTrail eventSource, e.g. <c>iam.amazonaws.com</c>).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Techniques; a parent technique also matches its sub-techniques.</summary>
    public IReadOnlyList<TechniqueId> Techniques { get; init; } = [];

    public IReadOnlyList<TacticId> Tactics { get; init; } = [];

    public IReadOnlyList<CloudProvider> Providers { get; init; } = [];

    public IReadOnlyList<AlertProduct> Products { get; init; } = [];

    /// <summary>Outcome: <c>success</c>, <c>failure</c> (any error), or an error code such as <c>AccessDenied</c> (globs allowed).</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>User agent globs.</summary>
    public IReadOnlyList<string> UserAgents { get; init; } = [];

    /// <summary>True when no field is set (such a step could match every alert).</summary>
    public bool IsEmpty =>
        Types.Count == 0 && EventNames.Count == 0 && Services.Count == 0 && Techniques.Count == 0 && Tactics.Count == 0
        && Providers.Count == 0 && Products.Count == 0 && Outcomes.Count == 0 && UserAgents.Count == 0;
}
