using BenchmarkDotNet.Running;
using CstmML.Benchmarks.Features;

if (args is [CpuTimeCheck.Flag])
{
    CpuTimeCheck.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(FeaturizerBenchmarks).Assembly).Run(args);
