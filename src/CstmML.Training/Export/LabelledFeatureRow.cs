namespace CstmML.Training.Export;

/// <summary>An ML.NET row with a key label (0-based class index) and a feature vector.</summary>
internal sealed class LabelledFeatureRow
{
    public uint Label { get; set; }

    public float[] Features { get; set; } = [];
}
