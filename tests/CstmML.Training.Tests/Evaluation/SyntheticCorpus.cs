using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Scoring.Baselines;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Tests.Evaluation;

/// <summary>
/// Seeded synthetic labelled sequences: each role has its own sparse benign Markov chain over alert types, each actor a
/// sparse chain over techniques mixed with the victim role's benign activity; incidents come in campaigns.
/// Small by default so tests stay fast. Synthetic: it proves the pipeline works, not how well it works on real alerts.
/// </summary>
internal sealed class SyntheticCorpus
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly Options _o;
    private readonly string[] _types;
    private readonly int[][][] _roleChains;
    private readonly int[][] _roleStates;
    private readonly int[][][] _actorChains;
    private readonly int[][] _actorStates;
    private int _nextSequence;
    private int _nextAlert;

    private SyntheticCorpus(Options options)
    {
        _o = options;
        _random = new Random(options.Seed);
        // 40 techniques, 3 alert types each: "api:T10xx.v".
        _types = [.. Enumerable.Range(0, 40).SelectMany(t => Enumerable.Range(0, 3).Select(v => $"Api{t:D2}v{v}"))];
        _roleStates = [.. Enumerable.Range(0, options.Roles).Select(_ => Pick(_types.Length, 14))];
        _roleChains = [.. _roleStates.Select(s => Chain(s))];
        _actorStates = [.. Enumerable.Range(0, options.Actors).Select(_ => Pick(_types.Length, 10))];
        _actorChains = [.. _actorStates.Select(s => Chain(s))];
    }

    public static IReadOnlyList<LabelledSequence> Generate(Options? options = null) => new SyntheticCorpus(options ?? new Options()).Build();

    /// <summary>The technique an alert type maps to.</summary>
    public static TechniqueId TechniqueOf(string type) =>
        TechniqueId.Parse(string.Concat("T10", type.AsSpan(3, 2)));

    private List<LabelledSequence> Build()
    {
        var rows = new List<LabelledSequence>();
        for (var r = 0; r < _o.Roles; r++)
        {
            // The last role is sparse so it falls back to its cohort or the global baseline.
            var count = r == _o.Roles - 1 ? _o.SparseRoleSequences : _o.BenignPerRole;
            for (var i = 0; i < count; i++)
            {
                rows.Add(Row(r, BenignTypes(r), null, null, null, _random.Next(60 * 24 * 60)));
            }
        }

        for (var a = 0; a < _o.Actors; a++)
        {
            for (var c = 0; c < _o.CampaignsPerActor; c++)
            {
                var campaign = $"C{a}-{c}";
                // A campaign's incidents fall within a few days of each other.
                var campaignStart = _random.Next(55 * 24 * 60);
                for (var i = 0; i < _o.IncidentsPerCampaign; i++)
                {
                    var role = _random.Next(_o.Roles);
                    rows.Add(Row(role, IncidentTypes(a, role), $"actor-{(char)('a' + a)}", $"I{a}-{c}-{i}", campaign, campaignStart + _random.Next(5 * 24 * 60)));
                }
            }
        }

        return rows;
    }

    private LabelledSequence Row(int role, List<string> types, string? actor, string? incident, string? campaign, int startMinute)
    {
        var start = Epoch.AddMinutes(startMinute);
        var principal = $"arn:aws:iam::111111111111:role/app{role}";
        var principalType = role % 3 == 2 ? PrincipalTypes.User : PrincipalTypes.Role;
        var alerts = new List<NormalizedAlert>();
        var t = start;
        foreach (var type in types)
        {
            t = t.AddSeconds(5 + _random.Next(actor is null ? 600 : 60));
            alerts.Add(new NormalizedAlert
            {
                Id = "a" + (_nextAlert++).ToString("D6", CultureInfo.InvariantCulture),
                Time = t,
                Provider = CloudProvider.Aws,
                Product = AlertProduct.CloudTrail,
                Type = type,
                Principal = principal,
                PrincipalType = principalType,
                Account = "111111111111",
                Techniques = [TechniqueOf(type)],
                RawRef = new RawRef("synthetic", _nextAlert),
            });
        }

        var techniques = new List<TechniqueId>();
        foreach (var a in alerts)
        {
            if (techniques.Count == 0 || techniques[^1] != a.Techniques[0])
            {
                techniques.Add(a.Techniques[0]);
            }
        }

        var sequence = new AlertSequence
        {
            SequenceId = "s" + (_nextSequence++).ToString("D5", CultureInfo.InvariantCulture),
            Account = "111111111111",
            Principal = principal,
            PrincipalType = principalType,
            Start = alerts[0].Time,
            End = alerts[^1].Time,
            Alerts = alerts,
            Techniques = techniques,
        };
        return new LabelledSequence(sequence, TinyFeaturizer.Featurize(sequence), actor, incident, campaign, BaselineKeys.RoleOf(sequence));
    }

    private List<string> BenignTypes(int role) => Walk(_roleStates[role], _roleChains[role], 4 + _random.Next(10));

    private List<string> IncidentTypes(int actor, int role)
    {
        var attack = Walk(_actorStates[actor], _actorChains[actor], 5 + _random.Next(8));
        var benign = BenignTypes(role);
        // Interleave: the actor's steps with the victim's background activity (the "mix").
        var result = new List<string>();
        int i = 0, j = 0;
        while (i < attack.Count || j < benign.Count)
        {
            var takeAttack = j >= benign.Count || (i < attack.Count && _random.NextDouble() >= _o.BackgroundMix);
            result.Add(takeAttack ? attack[i++] : benign[j++]);
        }

        return result;
    }

    private List<string> Walk(int[] states, int[][] chain, int length)
    {
        var result = new List<string>();
        var s = _random.Next(states.Length);
        for (var k = 0; k < length; k++)
        {
            result.Add(_types[states[s]]);
            var next = chain[s];
            s = next[_random.Next(next.Length)];
        }

        return result;
    }

    private int[] Pick(int n, int k) => [.. Enumerable.Range(0, n).OrderBy(_ => _random.Next()).Take(k)];

    private int[][] Chain(int[] states) =>
        [.. states.Select(_ => Enumerable.Range(0, 3).Select(_ => _random.Next(states.Length)).ToArray())];

    /// <summary>Corpus shape.</summary>
    public sealed record Options
    {
        public int Seed { get; init; } = 7;

        public int Roles { get; init; } = 5;

        public int BenignPerRole { get; init; } = 70;

        public int SparseRoleSequences { get; init; } = 8;

        public int Actors { get; init; } = 4;

        public int CampaignsPerActor { get; init; } = 10;

        public int IncidentsPerCampaign { get; init; } = 4;

        /// <summary>Share of an incident's alerts that are the victim's benign activity.</summary>
        public double BackgroundMix { get; init; } = 0.4;
    }
}
