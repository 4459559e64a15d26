using CstmML.Core.Sequences;

namespace CstmML.Scoring.Baselines;

/// <summary>How a sequence finds its baseline: its principal, else its cohort (principal type), else the global one.</summary>
public static class BaselineKeys
{
    /// <summary>The global baseline's key.</summary>
    public const string Global = "global";

    /// <summary>Prefix of cohort keys.</summary>
    public const string CohortPrefix = "cohort:";

    /// <summary>The role key of a sequence: its canonical principal, qualified by account.</summary>
    public static string RoleOf(AlertSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return string.IsNullOrEmpty(sequence.Account) ? sequence.Principal : string.Concat(sequence.Account, "/", sequence.Principal);
    }

    /// <summary>The cohort key of a sequence: its principal type.</summary>
    public static string CohortOf(AlertSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return string.Concat(CohortPrefix, sequence.PrincipalType);
    }
}
