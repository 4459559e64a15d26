using CstmML.Core.Alerts;
using CstmML.Core.Serialization;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// One path (file, folder or glob) to normalized alerts through the full pipeline with every built-in source: the
/// loader the playbook fixture runner, <c>cstm match</c> and <c>cstm playbooks test</c> share with <c>cstm map</c>.
/// </summary>
public static class AlertLoader
{
    /// <summary>Loads every alert under <paramref name="path"/>; rejects go to <paramref name="onReject"/> and the rest flows.</summary>
    public static IEnumerable<NormalizedAlert> Load(string path, Action<RejectRecord>? onReject = null) =>
        new AlertPipeline(SourceRegistry.Default, new PipelineOptions(), onReject).Run([path]);

    /// <summary>Loads every alert under <paramref name="path"/> and fails on the first reject (fixtures must be clean).</summary>
    /// <exception cref="InvalidDataException">A record was rejected; the message names its file, line and reason.</exception>
    public static IReadOnlyList<NormalizedAlert> LoadStrict(string path)
    {
        var alerts = Load(path, r => throw new InvalidDataException($"{r.File}:{r.Line}: {r.Reason}")).ToList();
        return alerts;
    }
}
