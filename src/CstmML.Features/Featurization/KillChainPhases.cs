namespace CstmML.Features.Featurization;

/// <summary>
/// Folds the 14 kill-chain positions into 5 phases so tactic transitions fit an exact 5x5 block (no hashing, no
/// collisions): prep (1-2), access (3-4), foothold (5-8), expansion (9-11), action (12-14).
/// </summary>
internal static class KillChainPhases
{
    public const int Count = 5;

    public static readonly string[] Names = ["prep", "access", "foothold", "expansion", "action"];

    // Index = kill-chain order 1..14 (0 unused).
    private static readonly int[] PhaseByOrder = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4];

    public static int Of(int order) => PhaseByOrder[order];
}
