namespace CstmML.Scoring.Exports;

/// <summary>STIX 2.1 object types, property names and vocabulary values CstmML writes (one place for the contract strings).</summary>
public static class StixFields
{
    public const string SpecVersion21 = "2.1";
    public const string MitreAttackSource = "mitre-attack";

    public const string TypeBundle = "bundle";
    public const string TypeAttackPattern = "attack-pattern";
    public const string TypeIntrusionSet = "intrusion-set";
    public const string TypeObservedData = "observed-data";
    public const string TypeSighting = "sighting";
    public const string TypeUserAccount = "user-account";
    public const string TypeIpv4 = "ipv4-addr";
    public const string TypeIpv6 = "ipv6-addr";

    public const string Type = "type";
    public const string SpecVersion = "spec_version";
    public const string Id = "id";
    public const string Created = "created";
    public const string Modified = "modified";
    public const string Name = "name";
    public const string Description = "description";
    public const string Aliases = "aliases";
    public const string Confidence = "confidence";
    public const string Objects = "objects";
    public const string ExternalReferences = "external_references";
    public const string SourceName = "source_name";
    public const string ExternalId = "external_id";
    public const string Url = "url";
    public const string KillChainPhases = "kill_chain_phases";
    public const string KillChainName = "kill_chain_name";
    public const string PhaseName = "phase_name";
    public const string FirstObserved = "first_observed";
    public const string LastObserved = "last_observed";
    public const string NumberObserved = "number_observed";
    public const string ObjectRefs = "object_refs";
    public const string SightingOfRef = "sighting_of_ref";
    public const string ObservedDataRefs = "observed_data_refs";
    public const string FirstSeen = "first_seen";
    public const string LastSeen = "last_seen";
    public const string Count = "count";
    public const string UserId = "user_id";
    public const string Value = "value";

    /// <summary>Custom properties (STIX 2.1 §11.1) that link an object back to CstmML's result.</summary>
    public const string CstmSequenceId = "x_cstm_sequence_id";
    public const string CstmAccount = "x_cstm_account";
    public const string CstmRisk = "x_cstm_risk";
    public const string CstmLabels = "x_cstm_labels";
}
