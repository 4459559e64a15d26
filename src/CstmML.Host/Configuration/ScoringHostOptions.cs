using CstmML.Features.Sequencing;

namespace CstmML.Host.Configuration;

/// <summary>Settings of the scoring host, bound from the <c>ScoringHost</c> configuration section; defaults in <see cref="ScoringHostDefaults"/>.</summary>
public sealed class ScoringHostOptions
{
    /// <summary>The model folder; the only place models are loaded from (required).</summary>
    public string ModelDirectory { get; set; } = string.Empty;

    /// <summary>Folder of the durable SQLite store (required; created when missing).</summary>
    public string StoreDirectory { get; set; } = string.Empty;

    /// <summary>API keys from configuration.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Optional file of <c>TENANT SHA256-HEX</c> lines, added to <see cref="ApiKeys"/>.</summary>
    public string? ApiKeysFile { get; set; }

    public int MaxAlertsPerRequest { get; set; } = ScoringHostDefaults.MaxAlertsPerRequest;

    public long MaxRequestBytes { get; set; } = ScoringHostDefaults.MaxRequestBytes;

    public int MaxJsonDepth { get; set; } = ScoringHostDefaults.MaxJsonDepth;

    public int RequestsPerSecondPerKey { get; set; } = ScoringHostDefaults.RequestsPerSecondPerKey;

    public TimeSpan RequestTimeout { get; set; } = ScoringHostDefaults.RequestTimeout;

    public int RiskThreshold { get; set; } = ScoringHostDefaults.RiskThreshold;

    public TimeSpan ModelPollInterval { get; set; } = ScoringHostDefaults.ModelPollInterval;

    public TimeSpan MaxGap { get; set; } = SequencerDefaults.MaxGap;

    public TimeSpan MaxSpan { get; set; } = SequencerDefaults.MaxSpan;

    /// <summary>Allowed lateness of streamed alerts; later ones still re-score a retained session.</summary>
    public TimeSpan Lateness { get; set; } = SequencerDefaults.Lateness;

    public TimeSpan ReopenHorizon { get; set; } = SequencerDefaults.ReopenHorizon;

    /// <summary>Longest warm-up of a new model before it serves; zero disables it (<see cref="ScoringHostDefaults.WarmupBudget"/>).</summary>
    public TimeSpan WarmupBudget { get; set; } = ScoringHostDefaults.WarmupBudget;

    /// <summary>Threads that score one streaming group's sessions; 0 = one per core (<see cref="ScoringHostDefaults.StreamScoringThreads"/>).</summary>
    public int StreamScoringThreads { get; set; } = ScoringHostDefaults.StreamScoringThreads;

    /// <summary>Growth (fraction of its alerts) after which an open session is re-scored at once (<see cref="ScoringHostDefaults.RescoreGrowth"/>).</summary>
    public double RescoreGrowth { get; set; } = ScoringHostDefaults.RescoreGrowth;

    /// <summary>Longest wait of an open session's new alerts for a re-score (<see cref="ScoringHostDefaults.RescoreInterval"/>).</summary>
    public TimeSpan RescoreInterval { get; set; } = ScoringHostDefaults.RescoreInterval;

    /// <summary>The sequencer options of the streaming sessions.</summary>
    // The streaming sessions keep their open alerts as objects (TenantSessions), so the sequencer does not pack its own.
    internal SequencerOptions StreamSequencer => new() { MaxGap = MaxGap, MaxSpan = MaxSpan, Lateness = Lateness, ReopenHorizon = ReopenHorizon, PackHeldAlerts = false };

    /// <summary>The sequencer options of stateless scoring (batch lateness).</summary>
    internal SequencerOptions BatchSequencer => new() { MaxGap = MaxGap, MaxSpan = MaxSpan, Lateness = ScoringHostDefaults.BatchLateness };
}
