using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Exports;

/// <summary>
/// Builds a STIX 2.1 bundle from scoring results: one observed-data per sequence (referring to user-account and
/// ip address observables), one attack-pattern per observed technique, one intrusion-set per actor hypothesis, and
/// sightings tying them together. Ids are UUIDv5 over stable content (<see cref="StixIds"/>); times come from the
/// data and from the <c>created</c> time the caller passes in, never from the clock.
/// </summary>
public sealed class StixBundleWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly AttackCatalog _catalog;
    private readonly StixBundleOptions _options;

    public StixBundleWriter(AttackCatalog catalog, StixBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _options = options ?? new StixBundleOptions();
    }

    /// <summary>The latest sequence end of the results: the <c>created</c> time to use when no run time is injected.</summary>
    public static DateTimeOffset DataTime(IReadOnlyList<ScoringResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Count == 0 ? DateTimeOffset.UnixEpoch : results.Max(r => r.End);
    }

    /// <summary>
    /// Builds the bundle. <paramref name="created"/> stamps <c>created</c>/<c>modified</c> of every SDO and SRO (pass
    /// the run time from an injected TimeProvider, or <see cref="DataTime"/>); it never enters an id. With
    /// <paramref name="alerts"/>, sequences also refer to their source addresses and sightings use the alerts' times.
    /// </summary>
    public StixExport Build(IReadOnlyList<ScoringResult> results, DateTimeOffset created, IReadOnlyList<NormalizedAlert>? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var stamp = Timestamp(created, millis: true);
        var alertById = new Dictionary<string, NormalizedAlert>(StringComparer.Ordinal);
        foreach (var a in alerts ?? [])
        {
            alertById.TryAdd(a.Id, a);
        }

        var notes = new List<string>();
        var observables = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var patterns = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var actors = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var observed = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var sightings = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);

        // Labels that resolve to one ATT&CK entity (HAFNIUM, Silk Typhoon) share one intrusion-set.
        var setIdByLabel = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in NavigatorLayerWriter.ByActor(results)
                     .GroupBy(kv => ActorEntities.TryResolve(_catalog, kv.Key, out var e) ? e.Id : null as string)
                     .SelectMany(g => g.Key is null ? g.Select(kv => (Labels: new[] { kv.Key }, Results: kv.Value)) :
                         [(Labels: g.Select(kv => kv.Key).ToArray(), Results: (IReadOnlyList<ScoringResult>)g.SelectMany(kv => kv.Value).ToList())]))
        {
            var set = IntrusionSet(group.Labels, group.Results, stamp);
            actors[(string)set[StixFields.Id]!] = set;
            foreach (var label in group.Labels)
            {
                setIdByLabel[label] = (string)set[StixFields.Id]!;
            }
        }

        // Sorting by sequence id makes the bundle independent of the order results arrive in.
        foreach (var r in results.OrderBy(r => r.SequenceId, StringComparer.Ordinal))
        {
            var seqAlerts = r.AlertIds.Select(id => alertById.GetValueOrDefault(id)).OfType<NormalizedAlert>().ToList();
            var refs = new List<string>();
            var account = UserAccount(r.Principal);
            observables[(string)account[StixFields.Id]!] = account;
            refs.Add((string)account[StixFields.Id]!);
            foreach (var ip in Addresses(r, seqAlerts, notes))
            {
                observables[(string)ip[StixFields.Id]!] = ip;
                refs.Add((string)ip[StixFields.Id]!);
            }

            var od = ObservedData(r, refs, stamp);
            var odId = (string)od[StixFields.Id]!;
            observed[odId] = od;

            foreach (var t in r.Techniques.Distinct().Order())
            {
                var ap = AttackPattern(t, stamp);
                var apId = (string)ap[StixFields.Id]!;
                patterns[apId] = ap;
                var s = TechniqueSighting(r, t, apId, odId, seqAlerts, stamp);
                sightings[(string)s[StixFields.Id]!] = s;
            }

            if (r.Actor is { Abstained: false } actor && setIdByLabel.TryGetValue(actor.Label.Trim(), out var setId))
            {
                var s = ActorSighting(r, actor, setId, odId, stamp);
                sightings[(string)s[StixFields.Id]!] = s;
            }
        }

        var objects = new JsonArray();
        foreach (var o in observables.Values.Concat(patterns.Values).Concat(actors.Values).Concat(observed.Values).Concat(sightings.Values))
        {
            objects.Add(o);
        }

        var ids = string.Join(",", objects.Select(o => (string)o![StixFields.Id]!));
        var bundle = new JsonObject
        {
            [StixFields.Type] = StixFields.TypeBundle,
            [StixFields.Id] = StixIds.ForObject(StixFields.TypeBundle, ids),
            [StixFields.Objects] = objects,
        };
        return new StixExport(bundle, notes);
    }

    /// <summary>Writes the bundle as indented JSON.</summary>
    public static void Write(Stream stream, JsonObject bundle)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(bundle);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        bundle.WriteTo(writer, JsonOptions);
    }

    /// <summary>STIX timestamps are UTC with a Z; created/modified need millisecond precision.</summary>
    internal static string Timestamp(DateTimeOffset t, bool millis = true) =>
        t.UtcDateTime.ToString(millis ? "yyyy-MM-ddTHH:mm:ss.fffZ" : "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>0-100 from a calibrated probability (STIX 2.1 §4.14 "0-100" scale).</summary>
    internal static int Confidence(double probability) =>
        double.IsFinite(probability) ? (int)Math.Clamp(Math.Round(probability * 100, MidpointRounding.AwayFromZero), 0, 100) : 0;

    private static JsonObject UserAccount(string principal) => new()
    {
        [StixFields.Type] = StixFields.TypeUserAccount,
        [StixFields.SpecVersion] = StixFields.SpecVersion21,
        [StixFields.Id] = StixIds.ForObservable(StixFields.TypeUserAccount, new Dictionary<string, string> { [StixFields.UserId] = principal }),
        [StixFields.UserId] = principal,
    };

    private List<JsonObject> Addresses(ScoringResult r, List<NormalizedAlert> seqAlerts, List<string> notes)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in seqAlerts)
        {
            if (string.IsNullOrWhiteSpace(a.SourceIp))
            {
                continue;
            }

            if (IPAddress.TryParse(a.SourceIp.Trim(), out var ip))
            {
                values.Add(ip.ToString());
            }
            else
            {
                // Some sources put a service name (e.g. "ec2.amazonaws.com") where the address goes: not an observable address.
                notes.Add($"sequence {r.SequenceId}: alert {a.Id} ({a.RawRef}) source_ip '{a.SourceIp}' is not an IP address; left out of the bundle");
            }
        }

        if (values.Count > _options.MaxAddressesPerSequence)
        {
            notes.Add($"sequence {r.SequenceId}: {values.Count} source addresses, the first {_options.MaxAddressesPerSequence} (by text) are in the bundle");
        }

        return values.Take(_options.MaxAddressesPerSequence).Select(v =>
        {
            var type = IPAddress.Parse(v).AddressFamily == AddressFamily.InterNetworkV6 ? StixFields.TypeIpv6 : StixFields.TypeIpv4;
            return new JsonObject
            {
                [StixFields.Type] = type,
                [StixFields.SpecVersion] = StixFields.SpecVersion21,
                [StixFields.Id] = StixIds.ForObservable(type, new Dictionary<string, string> { [StixFields.Value] = v }),
                [StixFields.Value] = v,
            };
        }).ToList();
    }

    private static JsonObject ObservedData(ScoringResult r, List<string> refs, string stamp) => new()
    {
        [StixFields.Type] = StixFields.TypeObservedData,
        [StixFields.SpecVersion] = StixFields.SpecVersion21,
        [StixFields.Id] = StixIds.ForObject(StixFields.TypeObservedData, r.SequenceId),
        [StixFields.Created] = stamp,
        [StixFields.Modified] = stamp,
        [StixFields.FirstObserved] = Timestamp(r.Start),
        [StixFields.LastObserved] = Timestamp(r.End),
        [StixFields.NumberObserved] = Math.Clamp(r.AlertCount, 1, 999_999_999),
        [StixFields.ObjectRefs] = new JsonArray(refs.Distinct(StringComparer.Ordinal).Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
        [StixFields.CstmSequenceId] = r.SequenceId,
        [StixFields.CstmAccount] = r.Account,
        [StixFields.CstmRisk] = r.Risk.Score,
    };

    private JsonObject AttackPattern(TechniqueId t, string stamp)
    {
        var o = new JsonObject
        {
            [StixFields.Type] = StixFields.TypeAttackPattern,
            [StixFields.SpecVersion] = StixFields.SpecVersion21,
            [StixFields.Id] = StixIds.ForObject(StixFields.TypeAttackPattern, StixFields.MitreAttackSource + "|" + t.Value),
            [StixFields.Created] = stamp,
            [StixFields.Modified] = stamp,
            [StixFields.Name] = _catalog.TryGetTechnique(t, out var tech) ? tech.FullName : t.Value,
            [StixFields.ExternalReferences] = new JsonArray(new JsonObject
            {
                [StixFields.SourceName] = StixFields.MitreAttackSource,
                [StixFields.ExternalId] = t.Value,
                [StixFields.Url] = "https://attack.mitre.org/techniques/" + t.Value.Replace('.', '/') + "/",
            }),
        };
        if (tech is not null && tech.Tactics.Count > 0)
        {
            var phases = new JsonArray();
            foreach (var tactic in tech.Tactics)
            {
                if (_catalog.TryGetTactic(tactic, out var info))
                {
                    phases.Add(new JsonObject { [StixFields.KillChainName] = StixFields.MitreAttackSource, [StixFields.PhaseName] = info.ShortName });
                }
            }

            o[StixFields.KillChainPhases] = phases;
        }

        return o;
    }

    private JsonObject IntrusionSet(string[] labels, IReadOnlyList<ScoringResult> results, string stamp)
    {
        var label = string.Join(" / ", labels);
        var maxP = results.Max(r => r.Actor?.Probability ?? 0);
        var o = new JsonObject
        {
            [StixFields.Type] = StixFields.TypeIntrusionSet,
            [StixFields.SpecVersion] = StixFields.SpecVersion21,
        };
        if (ActorEntities.TryResolve(_catalog, labels[0], out var entity))
        {
            o[StixFields.Id] = StixIds.ForObject(StixFields.TypeIntrusionSet, StixFields.MitreAttackSource + "|" + entity.Id);
            o[StixFields.Created] = stamp;
            o[StixFields.Modified] = stamp;
            o[StixFields.Name] = entity.Name;
            o[StixFields.Description] = $"CstmML actor hypothesis '{label}' (ATT&CK {entity.Kind} {entity.Id}) for {results.Count} sequence(s); " +
                                        "confidence is the highest calibrated probability of the attributions, as 0-100.";
            var aliases = entity.Aliases.Concat(labels).Where(a => !string.Equals(a, entity.Name, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (aliases.Length > 0)
            {
                o[StixFields.Aliases] = new JsonArray(aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
            }

            o[StixFields.ExternalReferences] = new JsonArray(new JsonObject
            {
                [StixFields.SourceName] = StixFields.MitreAttackSource,
                [StixFields.ExternalId] = entity.Id,
                [StixFields.Url] = ActorEntities.Url(entity),
            });
        }
        else
        {
            o[StixFields.Id] = StixIds.ForObject(StixFields.TypeIntrusionSet, "cstmml-label|" + label);
            o[StixFields.Created] = stamp;
            o[StixFields.Modified] = stamp;
            o[StixFields.Name] = label;
            o[StixFields.Description] = $"CstmML actor hypothesis '{label}' for {results.Count} sequence(s); no ATT&CK entity " +
                                        $"exists for it in ATT&CK {AttackCatalog.PinnedVersion}.";
        }

        o[StixFields.Confidence] = Confidence(maxP);
        o[StixFields.CstmLabels] = new JsonArray(labels.Select(l => (JsonNode)JsonValue.Create(l)).ToArray());
        return o;
    }

    private static JsonObject TechniqueSighting(ScoringResult r, TechniqueId t, string apId, string odId, List<NormalizedAlert> seqAlerts, string stamp)
    {
        var carrying = seqAlerts.Where(a => a.Techniques.Contains(t)).ToList();
        var first = carrying.Count > 0 ? carrying.Min(a => a.Time) : r.Start;
        var last = carrying.Count > 0 ? carrying.Max(a => a.Time) : r.End;
        var count = carrying.Count > 0 ? carrying.Count : r.Techniques.Count(x => x == t);
        return new JsonObject
        {
            [StixFields.Type] = StixFields.TypeSighting,
            [StixFields.SpecVersion] = StixFields.SpecVersion21,
            [StixFields.Id] = StixIds.ForObject(StixFields.TypeSighting, r.SequenceId + "|technique|" + t.Value),
            [StixFields.Created] = stamp,
            [StixFields.Modified] = stamp,
            [StixFields.Description] = $"{t.Value} observed in sequence {r.SequenceId} of {r.Principal} (risk {r.Risk.Score})",
            [StixFields.FirstSeen] = Timestamp(first),
            [StixFields.LastSeen] = Timestamp(last),
            [StixFields.Count] = Math.Clamp(count, 0, 999_999_999),
            [StixFields.SightingOfRef] = apId,
            [StixFields.ObservedDataRefs] = new JsonArray(odId),
            [StixFields.CstmSequenceId] = r.SequenceId,
        };
    }

    private static JsonObject ActorSighting(ScoringResult r, ActorResult actor, string setId, string odId, string stamp)
    {
        var candidates = string.Join("; ", actor.Candidates.Take(3).Select(c =>
            $"{c.Label} {c.Probability.ToString("0.00", CultureInfo.InvariantCulture)}"));
        var text = new StringBuilder($"Sequence {r.SequenceId} of {r.Principal} attributed to '{actor.Label}' with calibrated probability ")
            .Append(actor.Probability.ToString("0.00", CultureInfo.InvariantCulture));
        if (candidates.Length > 0)
        {
            text.Append(" (candidates: ").Append(candidates).Append(')');
        }

        return new JsonObject
        {
            [StixFields.Type] = StixFields.TypeSighting,
            [StixFields.SpecVersion] = StixFields.SpecVersion21,
            [StixFields.Id] = StixIds.ForObject(StixFields.TypeSighting, r.SequenceId + "|actor|" + actor.Label.Trim()),
            [StixFields.Created] = stamp,
            [StixFields.Modified] = stamp,
            [StixFields.Description] = text.ToString(),
            [StixFields.Confidence] = Confidence(actor.Probability),
            [StixFields.FirstSeen] = Timestamp(r.Start),
            [StixFields.LastSeen] = Timestamp(r.End),
            [StixFields.Count] = 1,
            [StixFields.SightingOfRef] = setId,
            [StixFields.ObservedDataRefs] = new JsonArray(odId),
            [StixFields.CstmSequenceId] = r.SequenceId,
        };
    }
}
