namespace CstmML.Benchmarks.Host;

/// <summary>A host process's CPU time so far, working set and managed heap (bytes).</summary>
internal readonly record struct HostUsage(TimeSpan Cpu, long WorkingSet, long Heap);
