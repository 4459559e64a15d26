namespace CstmML.Playbooks.Model;

/// <summary>Which alerts share partial matches: the playbook is matched separately for each group key.</summary>
public enum GroupBy
{
    /// <summary>Account (or tenant) plus canonical principal: the default, same key as the sequencer.</summary>
    AccountPrincipal,

    /// <summary>The whole account: for behaviour spread over several principals.</summary>
    Account,

    /// <summary>The canonical principal alone (across accounts).</summary>
    Principal,

    /// <summary>The source IP: for automation that rotates principals but not infrastructure.</summary>
    SourceIp,

    /// <summary>The access key id: for a stolen key used from many places (alerts without a key are skipped).</summary>
    AccessKey,
}
