namespace CstmML.Host.Streaming;

/// <summary>
/// The sessions a batch changed: <see cref="Due"/> must be scored now (closed and revised ones in emission order, then
/// open ones the re-score policy says are due); <see cref="Deferred"/> are open sessions that grew by less than the
/// policy's growth, scored now only if their playbooks say so (see <see cref="SessionManager"/>).
/// </summary>
internal sealed record SessionChanges(List<ScoredSession> Due, List<DeferredSession> Deferred);
