namespace CstmML.Host.Configuration;

/// <summary>One API key as configured: its tenant and the lowercase SHA-256 hex of the key (the key itself is never stored).</summary>
public sealed class ApiKeyEntry
{
    public string Tenant { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;
}
