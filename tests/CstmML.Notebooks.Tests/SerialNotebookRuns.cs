namespace CstmML.Notebooks.Tests;

/// <summary>Notebook runs change the process working directory: no test of this assembly runs in parallel with another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialNotebookRuns
{
    public const string Name = "notebooks";
}
