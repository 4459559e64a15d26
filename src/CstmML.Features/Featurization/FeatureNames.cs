namespace CstmML.Features.Featurization;

/// <summary>
/// The slot names of the <c>cstm-features/1</c> layout (a contract: saved schemas, explanations and docs/features.md
/// use them). Hashed blocks are named <c>prefix[i]</c>; tactic slots add the ATT&amp;CK short name or phase.
/// </summary>
public static class FeatureNames
{
    public const string TechniqueNgramPrefix = "tech_ngram";
    public const string AlertTypeNgramPrefix = "type_ngram";
    public const string TacticHasPrefix = "tac_has_";
    public const string TacticTransitionPrefix = "tac_trans_";

    public const string TacticFirstOrder = "tac_first_order";
    public const string TacticLastOrder = "tac_last_order";
    public const string TacticMinOrder = "tac_min_order";
    public const string TacticMaxOrder = "tac_max_order";
    public const string TacticDistinct = "tac_distinct";
    public const string TacticForwardShare = "tac_forward_share";
    public const string TacticBackwardShare = "tac_backward_share";
    public const string TacticProgress = "tac_progress";
    public const string TacticUntaggedShare = "tac_untagged_share";

    public const string SequenceLengthLog = "seq_len_log";
    public const string SequenceSpanLog = "seq_span_log";
    public const string GapHistogramPrefix = "gap_hist_";
    public const string GapMedianLog = "gap_median_log";
    public const string GapMinLog = "gap_min_log";
    public const string GapMaxLog = "gap_max_log";
    public const string GapMeanLog = "gap_mean_log";
    public const string GapMadLog = "gap_mad_log";
    public const string GapCv = "gap_cv";
    public const string GapBurstiness = "gap_burstiness";
    public const string GapZeroShare = "gap_zero_share";
    public const string RatePerMinuteLog = "rate_per_min_log";

    public const string ErrorShare = "ctx_error_share";
    public const string AccessDeniedShare = "ctx_access_denied_share";
    public const string RegionsLog = "ctx_regions_log";
    public const string ServicesLog = "ctx_services_log";
    public const string RegionSwitchShare = "ctx_region_switch_share";
    public const string SourceIpsLog = "ctx_source_ips_log";
    public const string UserAgentsLog = "ctx_user_agents_log";
    public const string UserAgentClassPrefix = "ctx_ua_";
    public const string AnonymizingIpShare = "ctx_anonymizing_ip_share";
    public const string CloudIpShare = "ctx_cloud_ip_share";
    public const string SeverityMean = "ctx_severity_mean";
    public const string SeverityMax = "ctx_severity_max";
    public const string PrincipalTypePrefix = "ctx_principal_";

    /// <summary>The name of slot <paramref name="index"/> of a hashed block.</summary>
    public static string Bucket(string prefix, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}[{index}]");
}
