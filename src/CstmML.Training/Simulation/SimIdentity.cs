namespace CstmML.Training.Simulation;

/// <summary>One simulated principal and the facts its records repeat (ids, addresses, home region).</summary>
internal sealed record SimIdentity
{
    public required CloudKind Cloud { get; init; }

    public required IdentityKind Kind { get; init; }

    public required RoleProfile Role { get; init; }

    /// <summary>AWS account id, Azure subscription id or GCP project id.</summary>
    public required string Account { get; init; }

    /// <summary>Role or user name, UPN or e-mail.</summary>
    public required string Name { get; init; }

    /// <summary>AROA.../AIDA... unique id, Azure object id, or GCP numeric id.</summary>
    public required string PrincipalId { get; init; }

    public string HomeRegion { get; init; } = "us-east-1";

    /// <summary>The account's regions (region sweeps pick from these and from the unused ones).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Hours to add to local working hours to get UTC.</summary>
    public int UtcOffsetHours { get; init; }

    /// <summary>Fixed source address (instances, vendors) or empty.</summary>
    public string FixedIp { get; init; } = string.Empty;

    /// <summary>Long-term access key of an IAM user (AKIA...).</summary>
    public string AccessKeyId { get; init; } = string.Empty;

    /// <summary>The EC2 instance of an instance role (its session name).</summary>
    public string InstanceId { get; init; } = string.Empty;

    /// <summary>People who use the role (SSO session names) or addresses they work from.</summary>
    public IReadOnlyList<string> Humans { get; init; } = [];

    public IReadOnlyList<string> HomeIps { get; init; } = [];

    /// <summary>Azure tenant or GCP organization.</summary>
    public string Directory { get; init; } = string.Empty;

    /// <summary>GCP project number (resource names use it).</summary>
    public string ProjectNumber { get; init; } = string.Empty;

    /// <summary>The principal as the ingestion layer canonicalizes it (role ARN for assumed roles).</summary>
    public string Principal => Kind switch
    {
        IdentityKind.AwsRole => $"arn:aws:iam::{Account}:role/{Name}",
        IdentityKind.AwsUser => $"arn:aws:iam::{Account}:user/{Name}",
        _ => Name,
    };
}
