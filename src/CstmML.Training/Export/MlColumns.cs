namespace CstmML.Training.Export;

/// <summary>ML.NET column names and the ONNX names they become (ONNX adds <c>.output</c> to outputs).</summary>
internal static class MlColumns
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Score = "Score";
    public const string ScoreOutput = "Score.output";
}
