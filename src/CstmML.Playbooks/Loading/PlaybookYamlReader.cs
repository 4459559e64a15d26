using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using K = CstmML.Playbooks.Loading.PlaybookYamlKeys;

namespace CstmML.Playbooks.Loading;

/// <summary>
/// Reads one <c>playbook.yaml</c> into a <see cref="Playbook"/>. Walks the YAML node tree by hand (rather than
/// deserializing) so that every schema violation carries its line and column. Never throws for bad input.
/// </summary>
internal sealed class PlaybookYamlReader
{
    private static readonly HashSet<string> TopKeys =
    [
        K.Id, K.Version, K.Actor, K.Behaviour, K.Description, K.References, K.Attack, K.Severity, K.GroupBy, K.Window, K.Minimum, K.Steps,
    ];

    private static readonly HashSet<string> StepKeys = [K.Name, K.Match, K.Within, K.Count, K.Distinct, K.Optional, K.Absent];

    private static readonly HashSet<string> MatchKeys =
        [K.Type, K.EventName, K.Service, K.Technique, K.Tactic, K.Provider, K.Product, K.Outcome, K.UserAgent];

    private readonly string _file;
    private readonly List<PlaybookIssue> _issues = [];
    private string? _id;

    private PlaybookYamlReader(string file) => _file = file;

    /// <summary>Parses <paramref name="text"/>; the playbook is null when any error was found.</summary>
    public static (Playbook? Playbook, IReadOnlyList<PlaybookIssue> Issues) Read(string text, string file)
    {
        var reader = new PlaybookYamlReader(file);
        var playbook = reader.ReadDocument(text);
        return (reader._issues.Any(i => i.Severity == IssueSeverity.Error) ? null : playbook, reader._issues);
    }

    private Playbook? ReadDocument(string text)
    {
        var stream = new YamlStream();
        try
        {
            using var sr = new StringReader(text);
            stream.Load(sr);
        }
        catch (YamlException ex)
        {
            _issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.YamlSyntax, ex.Message, new SourcePosition(_file, ex.Start.Line, ex.Start.Column)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these for some malformed input (unterminated flow collections, duplicate keys).
            _issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.YamlSyntax, ex.Message, new SourcePosition(_file, 0, 0)));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null, "the file must hold exactly one YAML mapping");
            return null;
        }

        CheckKeys(root, TopKeys, "playbook");
        _id = Scalar(root, K.Id, required: true);
        if (_id is not null && !IsSlug(_id))
        {
            Error(Child(root, K.Id), $"id '{_id}' must be lower-case letters, digits and '-'");
        }

        var version = Int(root, K.Version, required: true) ?? 0;
        if (version < 1 && Child(root, K.Version) is not null)
        {
            Error(Child(root, K.Version), "version must be >= 1");
        }

        var actor = Scalar(root, K.Actor);
        var behaviour = Scalar(root, K.Behaviour);
        if ((actor is null) == (behaviour is null))
        {
            Error(root, $"exactly one of '{K.Actor}' or '{K.Behaviour}' is required");
        }

        var severity = Enum(root, K.Severity, ParseSeverity, "low, medium, high, critical") ?? PlaybookSeverity.Medium;
        var groupBy = ReadGroupBy(root);
        var window = Duration(root, K.Window, required: true);
        var minimum = Int(root, K.Minimum);
        var attack = Techniques(Child(root, K.Attack));
        var steps = ReadSteps(Child(root, K.Steps));

        return new Playbook
        {
            Id = _id ?? string.Empty,
            Version = version,
            Actor = actor,
            Behaviour = behaviour,
            Description = Scalar(root, K.Description) ?? string.Empty,
            References = Strings(Child(root, K.References)),
            Attack = attack,
            Severity = severity,
            GroupBy = groupBy,
            Window = window ?? TimeSpan.Zero,
            Minimum = minimum,
            Steps = steps,
            Position = Pos(root),
        };
    }

    private GroupBy ReadGroupBy(YamlMappingNode root)
    {
        var node = Child(root, K.GroupBy);
        var text = Scalar(root, K.GroupBy);
        switch (text)
        {
            case null:
            case K.GroupByAccountPrincipal:
                return GroupBy.AccountPrincipal;
            case K.GroupByAccount:
                return GroupBy.Account;
            case K.GroupByPrincipal:
                return GroupBy.Principal;
            case K.GroupBySourceIp:
                return GroupBy.SourceIp;
            case K.GroupByAccessKey:
                return GroupBy.AccessKey;
            default:
                Error(node, $"group_by '{text}' must be one of {K.GroupByAccountPrincipal}, {K.GroupByAccount}, {K.GroupByPrincipal}, {K.GroupBySourceIp}, {K.GroupByAccessKey}");
                return GroupBy.AccountPrincipal;
        }
    }

    private List<PlaybookStep> ReadSteps(YamlNode? node)
    {
        var steps = new List<PlaybookStep>();
        if (node is null)
        {
            Error(null, $"'{K.Steps}' is required");
            return steps;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Error(node, $"'{K.Steps}' must be a non-empty list");
            return steps;
        }

        var stage = 0;
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Error(item, "a step must be a mapping");
                continue;
            }

            if (Child(map, K.AnyOrder) is { } group)
            {
                if (map.Children.Count != 1)
                {
                    Error(map, $"an '{K.AnyOrder}' group must have no other keys");
                }

                if (group is not YamlSequenceNode groupSeq || groupSeq.Children.Count == 0)
                {
                    Error(group, $"'{K.AnyOrder}' must be a non-empty list of steps");
                }
                else
                {
                    foreach (var member in groupSeq.Children)
                    {
                        if (ReadStep(member, stage, steps.Count) is { } s)
                        {
                            if (s.Absent)
                            {
                                Error(member, $"an absent step cannot be inside '{K.AnyOrder}'");
                            }

                            steps.Add(s);
                        }
                    }
                }
            }
            else if (ReadStep(map, stage, steps.Count) is { } s)
            {
                steps.Add(s);
            }

            stage++;
        }

        return steps;
    }

    private PlaybookStep? ReadStep(YamlNode node, int stage, int index)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "a step must be a mapping");
            return null;
        }

        CheckKeys(map, StepKeys, "step");
        var name = Scalar(map, K.Name) ?? string.Create(CultureInfo.InvariantCulture, $"step-{index + 1}");
        var matchNode = Child(map, K.Match);
        StepCriteria criteria = new();
        if (matchNode is YamlMappingNode matchMap)
        {
            criteria = ReadCriteria(matchMap);
        }
        else
        {
            Error(matchNode ?? map, $"step '{name}' needs a '{K.Match}' mapping");
        }

        return new PlaybookStep
        {
            Name = name,
            Stage = stage,
            Match = criteria,
            Within = Duration(map, K.Within),
            Count = ReadCount(Child(map, K.Count)),
            Distinct = ReadDistinct(Child(map, K.Distinct)),
            Optional = Bool(map, K.Optional),
            Absent = Bool(map, K.Absent),
            Position = Pos(map),
        };
    }

    private StepCriteria ReadCriteria(YamlMappingNode map)
    {
        CheckKeys(map, MatchKeys, "match");
        return new StepCriteria
        {
            Types = Strings(Child(map, K.Type)),
            EventNames = Strings(Child(map, K.EventName)),
            Services = Strings(Child(map, K.Service)),
            Techniques = Techniques(Child(map, K.Technique)),
            Tactics = Tactics(Child(map, K.Tactic)),
            Providers = Enums<CloudProvider>(Child(map, K.Provider), ParseProvider, "aws, azure, gcp, prisma"),
            Products = Enums<AlertProduct>(Child(map, K.Product), ParseProduct, "guardduty, cloudtrail, defender, scc, prisma, csv"),
            Outcomes = Strings(Child(map, K.Outcome)),
            UserAgents = Strings(Child(map, K.UserAgent)),
        };
    }

    private CountRequirement? ReadCount(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, $"'{K.Count}' must be a mapping with '{K.Min}' and '{K.Period}'");
            return null;
        }

        CheckKeys(map, [K.Min, K.Period], K.Count);
        var min = Int(map, K.Min, required: true);
        var period = Duration(map, K.Period, required: true);
        if (min is < 1)
        {
            Error(Child(map, K.Min), "count min must be >= 1");
        }

        return min is >= 1 && period is { } p ? new CountRequirement(min.Value, p) : null;
    }

    private DistinctRequirement? ReadDistinct(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, $"'{K.Distinct}' must be a mapping with '{K.Field}' and '{K.Min}'");
            return null;
        }

        CheckKeys(map, [K.Field, K.Min], K.Distinct);
        var field = Enum(map, K.Field, ParseDistinctField, "region, source_ip, type, service, user_agent, principal, account", required: true);
        var min = Int(map, K.Min, required: true);
        if (min is < 1)
        {
            Error(Child(map, K.Min), "distinct min must be >= 1");
        }

        return field is { } f && min is >= 1 ? new DistinctRequirement(f, min.Value) : null;
    }

    private List<TechniqueId> Techniques(YamlNode? node)
    {
        var list = new List<TechniqueId>();
        foreach (var (text, n) in StringNodes(node))
        {
            if (TechniqueId.TryParse(text, out var id))
            {
                list.Add(id);
            }
            else
            {
                Error(n, $"'{text}' is not an ATT&CK technique id (Tnnnn or Tnnnn.nnn)");
            }
        }

        return list;
    }

    private List<TacticId> Tactics(YamlNode? node)
    {
        var list = new List<TacticId>();
        foreach (var (text, n) in StringNodes(node))
        {
            if (Core.Attack.AttackCatalog.Pinned.TryResolveTactic(text, out var tactic))
            {
                list.Add(tactic.Id);
            }
            else
            {
                _issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.UnknownTactic, $"'{text}' is not an ATT&CK tactic id or name", Pos(n), _id));
            }
        }

        return list;
    }

    private List<T> Enums<T>(YamlNode? node, Func<string, T?> parse, string allowed)
        where T : struct
    {
        var list = new List<T>();
        foreach (var (text, n) in StringNodes(node))
        {
            if (parse(text) is { } v)
            {
                list.Add(v);
            }
            else
            {
                Error(n, $"'{text}' must be one of {allowed}");
            }
        }

        return list;
    }

    private List<string> Strings(YamlNode? node) => StringNodes(node).Select(p => p.Text).ToList();

    /// <summary>A scalar or a list of scalars, as (text, node) pairs.</summary>
    private List<(string Text, YamlNode Node)> StringNodes(YamlNode? node)
    {
        var list = new List<(string, YamlNode)>();
        switch (node)
        {
            case null:
                break;
            case YamlScalarNode { Value: { Length: > 0 } v }:
                list.Add((v, node));
                break;
            case YamlSequenceNode seq:
                foreach (var c in seq.Children)
                {
                    if (c is YamlScalarNode { Value: { Length: > 0 } cv })
                    {
                        list.Add((cv, c));
                    }
                    else
                    {
                        Error(c, "expected a non-empty text value");
                    }
                }

                break;
            default:
                Error(node, "expected a text value or a list of them");
                break;
        }

        return list;
    }

    private T? Enum<T>(YamlMappingNode map, string key, Func<string, T?> parse, string allowed, bool required = false)
        where T : struct
    {
        var text = Scalar(map, key, required);
        if (text is null)
        {
            return null;
        }

        var v = parse(text);
        if (v is null)
        {
            Error(Child(map, key), $"'{key}' is '{text}' but must be one of {allowed}");
        }

        return v;
    }

    private TimeSpan? Duration(YamlMappingNode map, string key, bool required = false)
    {
        var text = Scalar(map, key, required);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var d))
        {
            return d;
        }

        Error(Child(map, key), $"'{key}' is '{text}' but must be a positive duration such as 90s, 10m, 1h30m, 2d");
        return null;
    }

    private int? Int(YamlMappingNode map, string key, bool required = false)
    {
        var text = Scalar(map, key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Error(Child(map, key), $"'{key}' is '{text}' but must be an integer");
        return null;
    }

    private bool Bool(YamlMappingNode map, string key)
    {
        var text = Scalar(map, key);
        switch (text)
        {
            case null:
            case "false":
                return false;
            case "true":
                return true;
            default:
                Error(Child(map, key), $"'{key}' is '{text}' but must be true or false");
                return false;
        }
    }

    private string? Scalar(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"'{key}' is required");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } v })
        {
            return v.Trim();
        }

        Error(node, $"'{key}' must be a non-empty text value");
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private void CheckKeys(YamlMappingNode map, HashSet<string> allowed, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            var k = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(k))
            {
                Error(key, $"unknown {what} key '{k}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    private void Error(YamlNode? node, string message) =>
        _issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.Schema, message, Pos(node), _id));

    private SourcePosition Pos(YamlNode? node) =>
        node is null ? new SourcePosition(_file, 0, 0) : new SourcePosition(_file, node.Start.Line, node.Start.Column);

    private static bool IsSlug(string s) =>
        s.Length is > 0 and <= 80 && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && s[0] != '-';

    private static PlaybookSeverity? ParseSeverity(string s) => s switch
    {
        "low" => PlaybookSeverity.Low,
        "medium" => PlaybookSeverity.Medium,
        "high" => PlaybookSeverity.High,
        "critical" => PlaybookSeverity.Critical,
        _ => null,
    };

    private static CloudProvider? ParseProvider(string s) => s switch
    {
        "aws" => CloudProvider.Aws,
        "azure" => CloudProvider.Azure,
        "gcp" => CloudProvider.Gcp,
        "prisma" => CloudProvider.Prisma,
        _ => null,
    };

    private static AlertProduct? ParseProduct(string s) => s switch
    {
        "guardduty" => AlertProduct.GuardDuty,
        "cloudtrail" => AlertProduct.CloudTrail,
        "defender" => AlertProduct.Defender,
        "scc" => AlertProduct.Scc,
        "prisma" => AlertProduct.Prisma,
        "csv" => AlertProduct.Csv,
        _ => null,
    };

    private static DistinctField? ParseDistinctField(string s) => s switch
    {
        "region" => DistinctField.Region,
        "source_ip" => DistinctField.SourceIp,
        "type" => DistinctField.Type,
        "service" => DistinctField.Service,
        "user_agent" => DistinctField.UserAgent,
        "principal" => DistinctField.Principal,
        "account" => DistinctField.Account,
        _ => null,
    };
}
