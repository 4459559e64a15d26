namespace CstmML.Training.Simulation;

/// <summary>Folder and file names of a generated corpus (documented in docs/training-data.md).</summary>
public static class CorpusLayout
{
    public const string CloudTrailFolder = "cloudtrail";
    public const string GuardDutyFolder = "guardduty";
    public const string DefenderFolder = "defender";
    public const string SccFolder = "scc";
    public const string LabelsFile = "labels.csv";
    public const string ManifestFile = "manifest.json";

    /// <summary>The folders the generator owns and clears before writing.</summary>
    public static IReadOnlyList<string> Folders { get; } = [CloudTrailFolder, GuardDutyFolder, DefenderFolder, SccFolder];
}
