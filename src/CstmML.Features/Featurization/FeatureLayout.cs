using CstmML.Core.Alerts;
using CstmML.Core.Attack;

namespace CstmML.Features.Featurization;

/// <summary>
/// Where each block of the <c>cstm-features/1</c> vector starts, and the name of every slot. The featurizer writes
/// each block in exactly the order of the name arrays below; tests look slots up by name to keep the two in step.
/// </summary>
internal sealed class FeatureLayout
{
    /// <summary>Upper bounds (seconds, exclusive) of the log-spaced gap histogram bins; the last bin is open.</summary>
    public static readonly double[] GapHistogramEdges = [1, 5, 30, 120, 600, 1800, 7200];

    public static readonly string[] GapHistogramNames =
        ["lt1s", "1s_5s", "5s_30s", "30s_2m", "2m_10m", "10m_30m", "30m_2h", "ge2h"];

    public static readonly string[] TacticScalarNames =
    [
        FeatureNames.TacticFirstOrder, FeatureNames.TacticLastOrder, FeatureNames.TacticMinOrder,
        FeatureNames.TacticMaxOrder, FeatureNames.TacticDistinct, FeatureNames.TacticForwardShare,
        FeatureNames.TacticBackwardShare, FeatureNames.TacticProgress, FeatureNames.TacticUntaggedShare,
    ];

    public static readonly string[] TimeScalarNames =
    [
        FeatureNames.GapMedianLog, FeatureNames.GapMinLog, FeatureNames.GapMaxLog, FeatureNames.GapMeanLog,
        FeatureNames.GapMadLog, FeatureNames.GapCv, FeatureNames.GapBurstiness, FeatureNames.GapZeroShare,
        FeatureNames.RatePerMinuteLog,
    ];

    public static readonly string[] ContextScalarNames =
    [
        FeatureNames.ErrorShare, FeatureNames.AccessDeniedShare, FeatureNames.RegionsLog, FeatureNames.ServicesLog,
        FeatureNames.RegionSwitchShare, FeatureNames.SourceIpsLog, FeatureNames.UserAgentsLog,
    ];

    public static readonly string[] UserAgentClassNames = ["sdk_cli", "console", "browser", "scripted_tool", "empty", "other"];

    public static readonly string[] ReputationNames = [FeatureNames.AnonymizingIpShare, FeatureNames.CloudIpShare];

    public static readonly string[] SeverityNames = [FeatureNames.SeverityMean, FeatureNames.SeverityMax];

    /// <summary>Principal types in slot order; anything unrecognised counts as unknown.</summary>
    public static readonly string[] PrincipalTypeOrder =
    [
        PrincipalTypes.Role, PrincipalTypes.User, PrincipalTypes.Root, PrincipalTypes.Service, PrincipalTypes.Federated,
        PrincipalTypes.ServiceAccount, PrincipalTypes.Application, PrincipalTypes.Unknown,
    ];

    /// <summary>Number of kill-chain positions (Enterprise tactics) in the pinned catalog.</summary>
    public const int TacticCount = 14;

    public FeatureLayout(int techniqueBuckets, int alertTypeBuckets)
    {
        TechniqueBuckets = techniqueBuckets;
        AlertTypeBuckets = alertTypeBuckets;
        var names = new List<string>(techniqueBuckets + alertTypeBuckets + 128);

        TechniqueOffset = names.Count;
        for (var i = 0; i < techniqueBuckets; i++)
        {
            names.Add(FeatureNames.Bucket(FeatureNames.TechniqueNgramPrefix, i));
        }

        AlertTypeOffset = names.Count;
        for (var i = 0; i < alertTypeBuckets; i++)
        {
            names.Add(FeatureNames.Bucket(FeatureNames.AlertTypeNgramPrefix, i));
        }

        TacticHasOffset = names.Count;
        var tactics = AttackCatalog.Pinned.Tactics.OrderBy(t => t.Order).ToArray();
        if (tactics.Length != TacticCount)
        {
            throw new InvalidOperationException($"The pinned ATT&CK catalog has {tactics.Length} tactics; cstm-features/1 expects {TacticCount}.");
        }

        foreach (var t in tactics)
        {
            names.Add(FeatureNames.TacticHasPrefix + t.ShortName.Replace('-', '_'));
        }

        TacticTransitionOffset = names.Count;
        foreach (var from in KillChainPhases.Names)
        {
            foreach (var to in KillChainPhases.Names)
            {
                names.Add($"{FeatureNames.TacticTransitionPrefix}{from}_to_{to}");
            }
        }

        TacticScalarOffset = names.Count;
        names.AddRange(TacticScalarNames);

        TimeOffset = names.Count;
        names.Add(FeatureNames.SequenceLengthLog);
        names.Add(FeatureNames.SequenceSpanLog);
        GapHistogramOffset = names.Count;
        names.AddRange(GapHistogramNames.Select(n => FeatureNames.GapHistogramPrefix + n));
        TimeScalarOffset = names.Count;
        names.AddRange(TimeScalarNames);

        ContextOffset = names.Count;
        names.AddRange(ContextScalarNames);
        UserAgentOffset = names.Count;
        names.AddRange(UserAgentClassNames.Select(n => FeatureNames.UserAgentClassPrefix + n));
        ReputationOffset = names.Count;
        names.AddRange(ReputationNames);
        SeverityOffset = names.Count;
        names.AddRange(SeverityNames);
        PrincipalTypeOffset = names.Count;
        names.AddRange(PrincipalTypeOrder.Select(n => FeatureNames.PrincipalTypePrefix + n));

        Names = names.ToArray();
    }

    public int TechniqueBuckets { get; }

    public int AlertTypeBuckets { get; }

    public int TechniqueOffset { get; }

    public int AlertTypeOffset { get; }

    public int TacticHasOffset { get; }

    public int TacticTransitionOffset { get; }

    public int TacticScalarOffset { get; }

    public int TimeOffset { get; }

    public int GapHistogramOffset { get; }

    public int TimeScalarOffset { get; }

    public int ContextOffset { get; }

    public int UserAgentOffset { get; }

    public int ReputationOffset { get; }

    public int SeverityOffset { get; }

    public int PrincipalTypeOffset { get; }

    public int Dimension => Names.Length;

    public string[] Names { get; }
}
