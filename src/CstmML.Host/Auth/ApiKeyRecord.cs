namespace CstmML.Host.Auth;

/// <summary>A known key: its tenant and SHA-256 hex.</summary>
public sealed record ApiKeyRecord(string Tenant, string Sha256);
