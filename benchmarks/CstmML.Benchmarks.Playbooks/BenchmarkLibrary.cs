using System.Globalization;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Model;

namespace CstmML.Benchmarks.Playbooks;

/// <summary>The shipped library plus synthetic playbooks up to the requested count (seeded), all validated.</summary>
internal static class BenchmarkLibrary
{
    private static readonly string[] StepNames =
    [
        "DescribeInstances", "GetCallerIdentity", "ListBuckets", "DescribeRegions", "RunInstances", "CreateAccessKey", "StopLogging",
        "GetSendQuota", "ListFoundationModels", "InvokeModel", "GetSMSAttributes", "Publish", "DescribeSnapshots", "CreateSnapshot",
        "ModifySnapshotAttribute", "ListUsers", "CreateLoginProfile", "GetServiceQuota", "DescribeTrails", "DeleteDetector",
        "PutBucketPolicy", "CreateUser", "AttachUserPolicy", "ListRoles", "GetAccountAuthorizationDetails",
    ];

    public static IReadOnlyList<Playbook> Load(int count, int seed = 7)
    {
        var shipped = PlaybookLoader.Load(FindLibrary());
        if (shipped.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, shipped.Issues));
        }

        var list = shipped.Playbooks.ToList();
        var rng = new Random(seed);
        for (var i = list.Count; i < count; i++)
        {
            var steps = string.Join('\n', Enumerable.Range(0, rng.Next(2, 6)).Select(s =>
                $"  - name: s{s}\n    match: {{event_name: [{StepNames[rng.Next(StepNames.Length)]}, {StepNames[rng.Next(StepNames.Length)]}]}}" +
                (s > 0 ? "\n    within: 10m" : string.Empty)));
            var yaml = string.Create(CultureInfo.InvariantCulture,
                $"id: synthetic-{i}\nversion: 1\nbehaviour: synthetic\nreferences: [https://example.org]\nwindow: 1h\nminimum: 2\nsteps:\n{steps}\n");
            var (p, issues) = PlaybookLoader.Parse(yaml, $"synthetic-{i}.yaml");
            list.Add(p ?? throw new InvalidOperationException(string.Join(Environment.NewLine, issues)));
        }

        return list;
    }

    private static string FindLibrary()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "playbooks");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("models/playbooks not found above the working directory");
    }
}
