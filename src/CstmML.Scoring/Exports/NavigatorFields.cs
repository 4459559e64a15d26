namespace CstmML.Scoring.Exports;

/// <summary>The property names and fixed values of the ATT&amp;CK Navigator layer format 4.5 (layers/spec/v4.5/layerformat.md).</summary>
public static class NavigatorFields
{
    public const string LayerFormatVersion = "4.5";
    public const string NavigatorVersion = "5.1.0";
    public const string AttackVersion = "18";
    public const string EnterpriseDomain = "enterprise-attack";

    public const string Name = "name";
    public const string Versions = "versions";
    public const string Attack = "attack";
    public const string Navigator = "navigator";
    public const string Layer = "layer";
    public const string Domain = "domain";
    public const string Description = "description";
    public const string Sorting = "sorting";
    public const string Layout = "layout";
    public const string HideDisabled = "hideDisabled";
    public const string Techniques = "techniques";
    public const string Gradient = "gradient";
    public const string LegendItems = "legendItems";
    public const string Metadata = "metadata";
    public const string TechniqueId = "techniqueID";
    public const string Tactic = "tactic";
    public const string Score = "score";
    public const string Color = "color";
    public const string Comment = "comment";
    public const string Enabled = "enabled";
    public const string ShowSubtechniques = "showSubtechniques";
    public const string Colors = "colors";
    public const string MinValue = "minValue";
    public const string MaxValue = "maxValue";
    public const string Label = "label";
    public const string Value = "value";
    public const string ShowId = "showID";
    public const string ShowName = "showName";
    public const string ExpandedSubtechniques = "expandedSubtechniques";

    /// <summary>Technique metadata names CstmML writes (a contract for tools that read the layers).</summary>
    public const string MetaSequences = "sequences";
    public const string MetaMaxRisk = "max_risk";
    public const string MetaFirstSeen = "first_seen";
    public const string MetaLastSeen = "last_seen";
    public const string MetaPrincipals = "principals";
    public const string MetaHuntLead = "hunt_lead";
    public const string MetaActor = "actor";
    public const string MetaAttackEntity = "attack_entity";
    public const string MetaScoreMode = "score_mode";
    public const string MetaGenerator = "generator";
}
