namespace CstmML.Training.Simulation;

/// <summary>Which cloud an identity or actor variant lives in (decides the output format).</summary>
internal enum CloudKind
{
    Aws,
    Azure,
    Gcp,
}
