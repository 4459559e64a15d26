using BenchmarkDotNet.Running;
using CstmML.Benchmarks.Scoring;

if (args is [StageProbe.Flag, ..])
{
    StageProbe.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringEngineBenchmarks).Assembly).Run(args);
