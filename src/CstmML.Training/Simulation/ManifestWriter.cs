using System.Text.Json;
using CstmML.Training.Labels;

namespace CstmML.Training.Simulation;

/// <summary>Writes manifest.json: how the corpus was made (seed, version, options) and what it holds (counts per actor and role).</summary>
internal static class ManifestWriter
{
    public static void Write(string path, SimulatedCorpus corpus, SimulationSummary summary, int cloudTrailFiles)
    {
        var o = corpus.Options;
        using var file = File.Create(path);
        using (var w = new Utf8JsonWriter(file, JsonOut.Indented))
        {
            w.WriteStartObject();
            w.WriteString("generator", "cstm simulate");
            w.WriteString("generator_version", SimulationDefaults.GeneratorVersion);
            w.WriteBoolean("synthetic", true);
            w.WriteString("notice", "Synthetic data: generated from actor and role profiles, not real activity. See docs/training-data.md.");
            w.WriteNumber("seed", o.Seed);
            w.WriteString("start", LabelsFile.FormatTime(o.Start));
            w.WriteString("end", LabelsFile.FormatTime(o.End));
            w.WriteNumber("days", o.Days);
            w.WriteStartObject("options");
            w.WriteNumber("benign_sequences", o.BenignSequences);
            w.WriteNumber("incidents_per_actor", o.IncidentsPerActor);
            w.WriteNumber("cloudtrail_file_minutes", o.CloudTrailFileMinutes);
            w.WriteEndObject();
            w.WriteString("attack_version", "18.1");
            w.WriteString("unlabelled_rule", "An alert no labels row covers is benign background.");
            w.WriteStartObject("counts");
            w.WriteNumber("files", summary.Files);
            w.WriteNumber("cloudtrail_files", cloudTrailFiles);
            w.WriteNumber("cloudtrail_records", summary.CloudTrailRecords);
            w.WriteNumber("guardduty_findings", summary.GuardDutyFindings);
            w.WriteNumber("defender_alerts", summary.DefenderAlerts);
            w.WriteNumber("scc_findings", summary.SccFindings);
            w.WriteNumber("incidents", corpus.Incidents.Count);
            w.WriteNumber("benign_sessions", summary.BenignSessions);
            w.WriteNumber("label_rows", summary.LabelRows);
            w.WriteNumber("benign_label_rows", corpus.Labels.Count(l => l.Kind == LabelKind.Benign));
            w.WriteEndObject();
            w.WriteStartArray("actors");
            foreach (var actor in ActorCatalog.All)
            {
                var incidents = corpus.Incidents.Where(i => i.Actor.Id == actor.Id).ToList();
                w.WriteStartObject();
                w.WriteString("id", actor.Id);
                w.WriteString("name", actor.DisplayName);
                w.WriteString("grounding", actor.Grounding);
                w.WriteString("timing", actor.Timing.ToString().ToLowerInvariant());
                w.WriteNumber("incidents", incidents.Count);
                w.WriteNumber("api_calls", incidents.Sum(i => i.ApiCallCount));
                w.WriteNumber("alerts", incidents.Sum(i => i.AlertIds.Count));
                w.WriteStartObject("incidents_per_cloud");
                foreach (var cloud in incidents.GroupBy(i => i.Cloud).OrderBy(g => g.Key))
                {
                    w.WriteNumber(cloud.Key.ToString().ToLowerInvariant(), cloud.Count());
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("roles");
            foreach (var role in RoleCatalog.All)
            {
                w.WriteStartObject();
                w.WriteString("archetype", role.Archetype);
                w.WriteString("cloud", role.Cloud.ToString().ToLowerInvariant());
                w.WriteNumber("principals", corpus.Identities.Count(i => i.Role.Archetype == role.Archetype));
                w.WriteNumber("sessions", corpus.BenignSessions.GetValueOrDefault(role.Archetype));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("accounts");
            WriteDistinct(w, "aws", corpus.Identities.Where(i => i.Cloud == CloudKind.Aws).Select(i => i.Account));
            WriteDistinct(w, "azure_subscriptions", corpus.Identities.Where(i => i.Cloud == CloudKind.Azure).Select(i => i.Account));
            WriteDistinct(w, "gcp_projects", corpus.Identities.Where(i => i.Cloud == CloudKind.Gcp).Select(i => i.Account));
            w.WriteEndObject();
            w.WriteString("content_sha256", summary.ContentSha256);
            w.WriteEndObject();
        }

        file.WriteByte((byte)'\n');
    }

    private static void WriteDistinct(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values.Distinct().Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
