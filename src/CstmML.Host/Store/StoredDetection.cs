using CstmML.Host.Contracts;

namespace CstmML.Host.Store;

/// <summary>A detection to store once: <paramref name="DedupeKey"/> is unique per tenant, so a replay never doubles it.</summary>
internal sealed record StoredDetection(string DedupeKey, Detection Detection);
