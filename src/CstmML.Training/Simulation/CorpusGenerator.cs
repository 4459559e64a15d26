using System.Globalization;
using CstmML.Training.Labels;

namespace CstmML.Training.Simulation;

/// <summary>
/// Builds a <see cref="SimulatedCorpus"/>: benign sessions per role, routine alerts, injected incidents per actor, and
/// their labels. Every draw comes from a named <see cref="SimRandom"/> stream of the seed, so output depends only on the options.
/// </summary>
internal sealed class CorpusGenerator
{
    private const int MaxAttempts = 60;
    private static readonly TimeSpan IncidentMargin = TimeSpan.FromMinutes(15);

    private readonly SimulationOptions _options;
    private readonly List<SimApiCall> _calls = [];
    private readonly List<SimAlert> _alerts = [];
    private readonly List<SimulatedIncident> _incidents = [];
    private readonly Dictionary<SimIdentity, List<(DateTimeOffset First, DateTimeOffset Last)>> _sessions = [];
    private readonly Dictionary<SimIdentity, List<(DateTimeOffset Start, DateTimeOffset End)>> _incidentWindows = [];
    private readonly SortedDictionary<string, int> _sessionsPerArchetype = new(StringComparer.Ordinal);

    public CorpusGenerator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
    }

    public SimulatedCorpus Generate()
    {
        var identities = new List<SimIdentity>();
        var plans = new List<(SimIdentity Identity, SimRandom Rng, List<DateTimeOffset> Starts)>();
        var planned = 0;
        for (var index = 0; index == 0 || (planned < _options.BenignSequences && index < 10_000); index++)
        {
            foreach (var identity in Tenancy.AwsAccount(index, Stream($"tenancy/aws/{index}")))
            {
                var rng = Stream("benign/" + identity.Principal);
                var starts = PlanSessions(identity, rng);
                planned += starts.Count;
                identities.Add(identity);
                plans.Add((identity, rng, starts));
            }
        }

        identities.AddRange(Tenancy.OtherClouds(Stream("tenancy/other")));

        foreach (var (identity, rng, starts) in plans)
        {
            foreach (var start in starts)
            {
                GenerateSession(identity, rng, start);
            }
        }

        GenerateRoutineAlerts(identities);
        foreach (var actor in ActorCatalog.All)
        {
            GenerateIncidents(actor, identities);
        }

        _calls.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.EventId.CompareTo(b.EventId));
        _alerts.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Id, b.Id));
        return new SimulatedCorpus
        {
            Options = _options,
            Identities = identities,
            ApiCalls = _calls,
            Alerts = _alerts,
            Incidents = _incidents,
            Labels = BuildLabels(identities),
            BenignSessions = _sessionsPerArchetype,
        };
    }

    private SimRandom Stream(string name) => SimRandom.For(_options.Seed, name);

    private List<DateTimeOffset> PlanSessions(SimIdentity identity, SimRandom rng)
    {
        var role = identity.Role;
        var starts = new List<DateTimeOffset>();
        if (role.Schedule == ScheduleKind.Periodic)
        {
            // Cron-like: a fixed phase per identity, a few seconds of jitter.
            var phase = rng.NextDouble() * role.PeriodHours;
            for (var h = phase; h < _options.Days * 24.0; h += role.PeriodHours)
            {
                starts.Add(_options.Start.AddHours(h).AddSeconds(rng.Between(0, 20)));
            }

            return starts;
        }

        for (var day = 0; day < _options.Days; day++)
        {
            var date = _options.Start.AddDays(day);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (!rng.Chance(weekend ? role.WeekendProbability : role.WeekdayProbability))
            {
                continue;
            }

            var sessions = role.Schedule == ScheduleKind.Rare ? 1 : rng.Between(role.SessionsMin, role.SessionsMax);
            for (var s = 0; s < sessions; s++)
            {
                var hour = role.Schedule == ScheduleKind.Rare
                    ? rng.NextDouble() * 24
                    : role.FromHour + identity.UtcOffsetHours + (rng.NextDouble() * (role.ToHour - role.FromHour));
                starts.Add(date.AddHours(Math.Clamp(hour, 0, 23.9)));
            }
        }

        starts.Sort();
        return starts;
    }

    private void GenerateSession(SimIdentity identity, SimRandom rng, DateTimeOffset start)
    {
        var role = identity.Role;
        var calls = role.Prologue.Select(ApiCall.Parse).ToList();
        var n = rng.Between(role.CallsMin, role.CallsMax);
        for (var i = 0; i < n; i++)
        {
            calls.Add(ApiCall.Parse(rng.PickWeighted(role.Mix)));
        }

        var context = BenignContext(identity, rng, start);
        var t = start;
        foreach (var call in calls)
        {
            var region = role.SpreadRegions && !call.IsGlobal ? rng.Pick(Tenancy.ScannedRegions) : identity.HomeRegion;
            var error = call.Name != "ConsoleLogin" && rng.Chance(role.ErrorRate) ? ErrorCodeFor(call) : null;
            _calls.Add(NewCall(rng, identity, call, t, region, context, error, incidentId: null));
            t += Clock.CallGap(rng, role.Timing, role.ManualMedianSeconds);
        }

        if (!_sessions.TryGetValue(identity, out var list))
        {
            _sessions[identity] = list = [];
        }

        list.Add((start, _calls[^1].Time));
        _sessionsPerArchetype[role.Archetype] = _sessionsPerArchetype.GetValueOrDefault(role.Archetype) + 1;
    }

    /// <summary>Session name, key, address and client of one benign session.</summary>
    private static CallContext BenignContext(SimIdentity identity, SimRandom rng, DateTimeOffset start)
    {
        var role = identity.Role;
        var unix = start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var session = identity.Kind == IdentityKind.AwsUser ? string.Empty : role.Archetype switch
        {
            "human-admin" or "readonly-auditor" or "break-glass" => rng.Pick(identity.Humans),
            "app-instance" or "eks-node" or "genai-app" => identity.InstanceId,
            "cicd-deployer" => identity.Name.StartsWith("github", StringComparison.Ordinal) ? "GitHubActions" : "terraform-" + unix,
            "security-scanner" => "audit-" + unix,
            _ => "botocore-session-" + unix,
        };
        var ip = BenignIp(identity, rng);
        var key = identity.Kind == IdentityKind.AwsUser ? identity.AccessKeyId : "ASIA" + rng.UpperAlnum(16);
        return new CallContext(session, key, ip, rng.Pick(role.UserAgents), start.AddSeconds(-rng.Between(1, 600)));
    }

    private static string BenignIp(SimIdentity identity, SimRandom rng) => identity.Role.Ips switch
    {
        IpKind.Corporate => rng.Pick(NetworkPools.Corporate),
        IpKind.CiRunner => NetworkPools.Ci(rng),
        IpKind.AwsService => NetworkPools.Aws(rng),
        IpKind.Home => rng.Pick(identity.HomeIps),
        _ => identity.FixedIp,
    };

    private static SimApiCall NewCall(SimRandom rng, SimIdentity identity, ApiCall call, DateTimeOffset time, string region, CallContext context, string? error, string? incidentId) => new()
    {
        Time = time,
        Identity = identity,
        Call = call,
        Region = call.IsGlobal ? "us-east-1" : region,
        SessionName = context.SessionName,
        AccessKeyId = context.AccessKeyId,
        SessionStart = context.SessionStart,
        SourceIp = context.SourceIp,
        UserAgent = context.UserAgent,
        ErrorCode = error,
        EventId = rng.NextGuid(),
        RequestId = rng.NextGuid(),
        Token = rng.Hex(8),
        IncidentId = incidentId,
    };

    /// <summary>The error code a denied call gets from its service (CloudTrail spells it per protocol).</summary>
    internal static string ErrorCodeFor(ApiCall call) => call.Service switch
    {
        "ec2" => "Client.UnauthorizedOperation",
        "bedrock" or "secretsmanager" or "ssm" or "servicequotas" or "ce" or "organizations" or "athena" or "glue" or "ecr" or "ecs" or "kms" or "logs" or "dynamodb" => "AccessDeniedException",
        _ => "AccessDenied",
    };

    private void GenerateRoutineAlerts(List<SimIdentity> identities)
    {
        var rng = Stream("routine-alerts");
        foreach (var identity in identities)
        {
            for (var day = 0; day < _options.Days; day++)
            {
                foreach (var spec in identity.Role.RoutineAlerts)
                {
                    if (!rng.Chance(spec.Probability))
                    {
                        continue;
                    }

                    var time = _options.Start.AddDays(day).AddSeconds(rng.Between(0, 86_399));
                    // Network findings name the internet host probing the instance; API findings the role's own origin.
                    var ip = identity.Cloud != CloudKind.Aws ? identity.FixedIp
                        : AlertCatalog.GuardDuty[spec.Type].Shape == GuardDutyShape.Network ? NetworkPools.Vps(rng)
                        : BenignIp(identity, rng);
                    _alerts.Add(NewAlert(rng, identity, spec.Type, time, ip, rng.Pick(identity.Role.UserAgents), api: string.Empty, apiService: string.Empty, session: string.Empty, key: identity.AccessKeyId, incidentId: null));
                }
            }
        }
    }

    private static SimAlert NewAlert(SimRandom rng, SimIdentity identity, string type, DateTimeOffset time, string ip, string userAgent, string api, string apiService, string session, string key, string? incidentId) => new()
    {
        Cloud = identity.Cloud,
        Type = type,
        Time = time,
        Created = time + Clock.FindingDelay(rng),
        Identity = identity,
        Id = identity.Cloud == CloudKind.Azure ? rng.NextGuid().ToString() : rng.Hex(32),
        Region = identity.HomeRegion,
        SourceIp = ip,
        UserAgent = userAgent,
        Api = api.Length > 0 ? api : "GetCallerIdentity",
        ApiService = apiService.Length > 0 ? apiService : "sts.amazonaws.com",
        SessionName = session,
        AccessKeyId = key,
        Count = rng.Between(1, 6),
        IncidentId = incidentId,
    };

    private void GenerateIncidents(ActorProfile actor, List<SimIdentity> identities)
    {
        var rng = Stream("incidents/" + actor.Id);
        for (var k = 0; k < _options.IncidentsPerActor; k++)
        {
            var incidentId = string.Create(CultureInfo.InvariantCulture, $"{actor.Id}-{k + 1:0000}");
            var campaignId = string.Create(CultureInfo.InvariantCulture, $"{actor.Id}-c{(k / 5) + 1:000}");
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var variant = rng.PickWeighted(actor.Variants.Select(v => (v, v.Weight)).ToList());
                var targets = identities.Where(i => i.Cloud == variant.Cloud && variant.Targets.Contains(i.Role.Archetype)).ToList();
                if (targets.Count == 0)
                {
                    continue;
                }

                var identity = rng.Pick(targets);
                var day = rng.Between(0, _options.Days - 1);
                var hour = actor.ActiveHoursUtc is { } hours ? hours.From + (rng.NextDouble() * (hours.To - hours.From)) : rng.NextDouble() * 24;
                var start = _options.Start.AddDays(day).AddHours(hour);
                var draft = new IncidentDraft(incidentId, identity);
                RunStages(actor, variant, draft, rng, start);
                if (draft.Calls.Count == 0 && draft.Alerts.Count == 0)
                {
                    continue;
                }

                var first = draft.Calls.Select(c => c.Time).Concat(draft.Alerts.Select(a => a.Time)).Min();
                var last = draft.Calls.Select(c => c.Time).Concat(draft.Alerts.Select(a => a.Time)).Max();
                var window = (Start: TruncateToSecond(first), End: TruncateToSecond(last).AddSeconds(1));
                if (window.End > _options.End || Overlaps(identity, window))
                {
                    continue;
                }

                Commit(actor, variant, draft, campaignId, window);
                break;
            }
        }
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private bool Overlaps(SimIdentity identity, (DateTimeOffset Start, DateTimeOffset End) window) =>
        _incidentWindows.TryGetValue(identity, out var list)
        && list.Exists(w => window.Start < w.End + IncidentMargin && w.Start < window.End + IncidentMargin);

    private static void RunStages(ActorProfile actor, ActorVariant variant, IncidentDraft draft, SimRandom rng, DateTimeOffset start)
    {
        var identity = draft.Identity;
        var stages = variant.Stages.Where(s => rng.Chance(s.Probability)).ToList();
        if (stages.Count > 2 && rng.Chance(actor.ReorderProbability))
        {
            var i = rng.Between(1, stages.Count - 2);
            (stages[i], stages[i + 1]) = (stages[i + 1], stages[i]);
        }

        var context = AttackerContext(actor, identity, rng, start);
        var rotateAt = stages.Count > 1 && rng.Chance(actor.IpRotationProbability) ? rng.Between(1, stages.Count - 1) : -1;
        var timing = variant.Cloud == CloudKind.Aws ? actor.Timing : TimingModel.Manual;
        var t = start;
        for (var si = 0; si < stages.Count; si++)
        {
            var stage = stages[si];
            if (si > 0)
            {
                t += Clock.StageGap(rng, timing);
            }

            if (si == rotateAt)
            {
                context = context with { SourceIp = AttackerIp(actor, rng) };
            }

            if (rng.Chance(0.15))
            {
                context = context with { UserAgent = rng.Pick(actor.UserAgents) };
            }

            ApiCall? lastCall = null;
            var repeats = rng.Between(stage.RepeatMin, stage.RepeatMax);
            for (var r = 0; r < repeats && variant.Cloud == CloudKind.Aws; r++)
            {
                foreach (var call in StageCalls(stage, rng))
                {
                    var region = stage.SpreadRegions ? rng.Pick(Tenancy.AllAwsRegions) : identity.HomeRegion;
                    var error = call.Name != "ConsoleLogin" && rng.Chance(stage.ErrorRate) ? ErrorCodeFor(call) : null;
                    draft.Calls.Add(NewCall(rng, identity, call, t, region, context, error, draft.IncidentId));
                    lastCall = call;
                    t += Clock.CallGap(rng, timing);
                }
            }

            foreach (var spec in stage.Alerts)
            {
                if (rng.Chance(spec.Probability))
                {
                    draft.Alerts.Add(NewAlert(rng, identity, spec.Type, t, context.SourceIp, context.UserAgent,
                        lastCall?.Name ?? string.Empty, lastCall?.EventSource ?? string.Empty, context.SessionName, context.AccessKeyId, draft.IncidentId));
                    t += TimeSpan.FromSeconds(rng.Between(1, 30));
                }
            }

            draft.Stages.Add(stage.Name);
        }

        // Alert-only variants whose every alert draw failed still leave the first stage's first alert.
        if (draft.Calls.Count == 0 && draft.Alerts.Count == 0 && variant.Stages[0].Alerts.Count > 0)
        {
            draft.Alerts.Add(NewAlert(rng, identity, variant.Stages[0].Alerts[0].Type, start, context.SourceIp, context.UserAgent, string.Empty, string.Empty, context.SessionName, context.AccessKeyId, draft.IncidentId));
        }

        if (variant.Cloud == CloudKind.Aws && draft.Calls.Count > 0 && rng.Chance(actor.InterleaveProbability))
        {
            // The compromised principal keeps doing its own work inside the incident window.
            var benign = BenignContext(identity, rng, start);
            var span = (draft.Calls[^1].Time - start).TotalSeconds;
            for (var i = rng.Between(1, 4); i > 0; i--)
            {
                var call = ApiCall.Parse(rng.PickWeighted(identity.Role.Mix));
                draft.Calls.Add(NewCall(rng, identity, call, start.AddSeconds(rng.NextDouble() * span), identity.HomeRegion, benign, null, draft.IncidentId));
            }
        }
    }

    private static IEnumerable<ApiCall> StageCalls(ActorStage stage, SimRandom rng)
    {
        var calls = stage.Calls.Select(ApiCall.Parse).ToList();
        if (stage.Sample)
        {
            rng.Shuffle(calls);
            return calls.Take(rng.Between(Math.Min(stage.SampleMin, calls.Count), calls.Count));
        }

        return calls.Where(_ => !rng.Chance(stage.DropRate)).ToList();
    }

    private static CallContext AttackerContext(ActorProfile actor, SimIdentity identity, SimRandom rng, DateTimeOffset start)
    {
        var session = identity.Kind switch
        {
            IdentityKind.AwsUser => string.Empty,
            _ => identity.Role.Archetype switch
            {
                // Stolen instance credentials keep the instance's session name; SSO victims keep their own.
                "app-instance" or "eks-node" or "genai-app" => identity.InstanceId,
                "human-admin" or "readonly-auditor" or "break-glass" => rng.Pick(identity.Humans),
                "cicd-deployer" => "GitHubActions",
                _ => identity.Name,
            },
        };
        var key = identity.Kind == IdentityKind.AwsUser ? identity.AccessKeyId : "ASIA" + rng.UpperAlnum(16);
        return new CallContext(session, key, AttackerIp(actor, rng), rng.Pick(actor.UserAgents), start.AddSeconds(-rng.Between(1, 3600)));
    }

    private static string AttackerIp(ActorProfile actor, SimRandom rng) =>
        rng.Chance(actor.TorShare) ? rng.Pick(NetworkPools.Tor) : NetworkPools.Vps(rng);

    private void Commit(ActorProfile actor, ActorVariant variant, IncidentDraft draft, string campaignId, (DateTimeOffset Start, DateTimeOffset End) window)
    {
        _calls.AddRange(draft.Calls);
        _alerts.AddRange(draft.Alerts);
        if (!_incidentWindows.TryGetValue(draft.Identity, out var list))
        {
            _incidentWindows[draft.Identity] = list = [];
        }

        list.Add(window);
        _incidents.Add(new SimulatedIncident
        {
            IncidentId = draft.IncidentId,
            CampaignId = campaignId,
            Actor = actor,
            Cloud = variant.Cloud,
            Identity = draft.Identity,
            Start = window.Start,
            End = window.End,
            Stages = draft.Stages,
            ApiCallCount = draft.Calls.Count,
            AlertIds = draft.Alerts.Select(a => a.Id).ToList(),
        });
    }

    private List<IncidentLabel> BuildLabels(List<SimIdentity> identities)
    {
        var labels = new List<IncidentLabel>();
        foreach (var incident in _incidents.OrderBy(i => i.Start).ThenBy(i => i.IncidentId, StringComparer.Ordinal))
        {
            // Azure and GCP principals are canonicalized by their normalizers, so those incidents are labelled by alert id.
            var byWindow = incident.Cloud == CloudKind.Aws;
            labels.Add(new IncidentLabel
            {
                Kind = LabelKind.Incident,
                Account = incident.Identity.Account,
                Principal = byWindow ? incident.Identity.Principal : string.Empty,
                Start = byWindow ? incident.Start : null,
                End = byWindow ? incident.End : null,
                AlertIds = incident.AlertIds,
                Actor = incident.Actor.Id,
                CampaignId = incident.CampaignId,
                Notes = $"synthetic {incident.IncidentId}; {(byWindow ? string.Empty : "principal " + incident.Identity.Principal + "; ")}stages {string.Join('>', incident.Stages)}",
            });
        }

        foreach (var identity in identities.Where(i => _sessions.ContainsKey(i)))
        {
            var incidentWindows = _incidentWindows.GetValueOrDefault(identity) ?? [];
            foreach (var day in _sessions[identity].GroupBy(s => s.First.UtcDateTime.Date))
            {
                var start = new DateTimeOffset(day.Min(s => s.First).UtcDateTime.Date.AddHours(day.Min(s => s.First).Hour), TimeSpan.Zero);
                var lastEnd = day.Max(s => s.Last);
                var end = new DateTimeOffset(lastEnd.UtcDateTime.Date.AddHours(lastEnd.Hour + 1), TimeSpan.Zero);
                if (incidentWindows.Exists(w => w.Start < end && start < w.End))
                {
                    continue;
                }

                labels.Add(new IncidentLabel
                {
                    Kind = LabelKind.Benign,
                    Account = identity.Account,
                    Principal = identity.Principal,
                    Start = start,
                    End = end,
                    Actor = identity.Role.Archetype,
                    Notes = "synthetic benign window",
                });
            }
        }

        return labels;
    }

    /// <summary>Session facts shared by the calls of one session.</summary>
    private sealed record CallContext(string SessionName, string AccessKeyId, string SourceIp, string UserAgent, DateTimeOffset SessionStart);

    /// <summary>An incident being generated, kept apart until it is known not to overlap.</summary>
    private sealed class IncidentDraft(string incidentId, SimIdentity identity)
    {
        public string IncidentId { get; } = incidentId;

        public SimIdentity Identity { get; } = identity;

        public List<SimApiCall> Calls { get; } = [];

        public List<SimAlert> Alerts { get; } = [];

        public List<string> Stages { get; } = [];
    }
}
