namespace CstmML.Benchmarks.Host;

/// <summary>A running host the load run drives: in this process (<see cref="HostUnderTest"/>) or in a child process (<see cref="HostProcess"/>).</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>Where the host listens (loopback).</summary>
    Uri BaseAddress { get; }

    /// <summary>To the first 200 of /readyz: in-process from building the host; for a child process from launching it (runtime start included).</summary>
    TimeSpan ColdStart { get; }

    /// <summary>True when the host runs in its own process, so <see cref="UsageAsync"/> excludes the load client.</summary>
    bool Separate { get; }

    /// <summary>The host's GC mode (server or workstation).</summary>
    string GcMode { get; }

    /// <summary>A client with the bench key.</summary>
    HttpClient Client();

    /// <summary>The host's CPU time so far, working set, GC heap (bytes) and runtime figures, read now.</summary>
    Task<HostUsage> UsageAsync();
}
