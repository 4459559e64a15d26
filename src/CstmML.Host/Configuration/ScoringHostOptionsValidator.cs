using Microsoft.Extensions.Options;

namespace CstmML.Host.Configuration;

/// <summary>Validates <see cref="ScoringHostOptions"/> at start; each failure names its configuration key.</summary>
internal sealed class ScoringHostOptionsValidator : IValidateOptions<ScoringHostOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringHostOptions options)
    {
        var errors = new List<string>();
        void Require(bool ok, string key, string message)
        {
            if (!ok)
            {
                errors.Add($"{ScoringHostDefaults.Section}:{key} {message}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.ModelDirectory), nameof(options.ModelDirectory), "is required.");
        Require(!string.IsNullOrWhiteSpace(options.StoreDirectory), nameof(options.StoreDirectory), "is required.");
        Require(options.MaxAlertsPerRequest > 0, nameof(options.MaxAlertsPerRequest), "must be positive.");
        Require(options.MaxRequestBytes >= 1024, nameof(options.MaxRequestBytes), "must be at least 1024.");
        Require(options.MaxJsonDepth >= 4, nameof(options.MaxJsonDepth), "must be at least 4.");
        Require(options.RequestsPerSecondPerKey > 0, nameof(options.RequestsPerSecondPerKey), "must be positive.");
        Require(options.RequestTimeout > TimeSpan.Zero, nameof(options.RequestTimeout), "must be positive.");
        Require(options.RiskThreshold is >= 0 and <= 100, nameof(options.RiskThreshold), "must be within 0..100.");
        Require(options.ModelPollInterval >= TimeSpan.Zero, nameof(options.ModelPollInterval), "must not be negative.");
        Require(options.MaxGap > TimeSpan.Zero, nameof(options.MaxGap), "must be positive.");
        Require(options.MaxSpan > TimeSpan.Zero, nameof(options.MaxSpan), "must be positive.");
        Require(options.Lateness >= TimeSpan.Zero, nameof(options.Lateness), "must not be negative.");
        Require(options.ReopenHorizon >= TimeSpan.Zero, nameof(options.ReopenHorizon), "must not be negative.");
        Require(options.StreamScoringThreads >= 0, nameof(options.StreamScoringThreads), "must not be negative (0 = one per core).");
        Require(options.WarmupBudget >= TimeSpan.Zero, nameof(options.WarmupBudget), "must not be negative.");
        Require(options.RescoreGrowth is >= 0 and <= 100, nameof(options.RescoreGrowth), "must be within 0..100 (0 = re-score on every new alert).");
        Require(options.RescoreInterval > TimeSpan.Zero, nameof(options.RescoreInterval), "must be positive.");
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var k = options.ApiKeys[i];
            Require(!string.IsNullOrWhiteSpace(k.Tenant), $"ApiKeys:{i}:Tenant", "is required.");
            Require(Auth.ApiKeyHash.IsHex(k.Sha256), $"ApiKeys:{i}:Sha256", "must be 64 hex digits (SHA-256 of the key).");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiKeysFile))
        {
            try
            {
                Auth.ApiKeyFile.Read(options.ApiKeysFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                errors.Add($"{ScoringHostDefaults.Section}:{nameof(options.ApiKeysFile)} cannot be used: {ex.Message}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
