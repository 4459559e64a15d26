namespace CstmML.Benchmarks.Host;

/// <summary>A host process's CPU time so far, working set and managed heap (bytes), the /v1/alerts batches processed in how many groups (group commit), the streaming sessions scored, left waiting and scored for a playbook (re-score policy), and its runtime figures (GC pauses, JIT, threads).</summary>
internal readonly record struct HostUsage(TimeSpan Cpu, long WorkingSet, long Heap, long Groups, long Batches, (long Scored, long Deferred, long ByPlaybook) Rescoring, RuntimeSnapshot Runtime);
