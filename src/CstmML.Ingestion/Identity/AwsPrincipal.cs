using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Json;
using F = CstmML.Ingestion.Identity.AwsIdentityFields;

namespace CstmML.Ingestion.Identity;

/// <summary>
/// The canonical principal of an AWS identity, shared by the CloudTrail and GuardDuty sources. An assumed-role
/// session maps to its role ARN and keeps the session name apart, so every session of a role sequences together.
/// </summary>
/// <param name="Principal">One stable string per identity (see Sources/CloudTrail/README.md for the forms).</param>
/// <param name="Type">One of <see cref="PrincipalTypes"/>.</param>
/// <param name="SessionName">The assumed-role session name, when there is one.</param>
internal readonly record struct AwsPrincipal(string Principal, string Type, string? SessionName = null)
{
    /// <summary>The principal of a record without identity (e.g. CloudTrail Insights events).</summary>
    public const string UnknownPrincipal = "unknown";

    private const string AssumedRoleMarker = ":assumed-role/";

    public static readonly AwsPrincipal Unknown = new(UnknownPrincipal, PrincipalTypes.Unknown);

    /// <summary>Reads a CloudTrail <c>userIdentity</c> object (null or not an object: unknown).</summary>
    public static AwsPrincipal FromUserIdentity(JsonElement? userIdentity, string? fallbackAccount) =>
        userIdentity is { ValueKind: JsonValueKind.Object } ui ? From(AwsIdentity.FromJson(ui), fallbackAccount) : Unknown;

    /// <summary>The principal of the values of a <c>userIdentity</c> object.</summary>
    public static AwsPrincipal From(in AwsIdentity ui, string? fallbackAccount)
    {
        var arn = ui.Arn;
        var account = ui.AccountId ?? fallbackAccount ?? string.Empty;
        switch (ui.Type)
        {
            case F.AssumedRole:
                {
                    var session = SessionOf(arn) ?? AfterColon(ui.PrincipalId);
                    var role = ui.IssuerArn ?? RoleArnOf(arn) ?? BeforeColon(ui.PrincipalId) ?? UnknownPrincipal;
                    return new(role, PrincipalTypes.Role, session);
                }

            case F.IamUser:
                return new(arn ?? UserArn(Partition(arn), account, ui.UserName ?? ui.PrincipalId ?? UnknownPrincipal), PrincipalTypes.User);
            case F.Root:
                return new(arn ?? RootArn(Partition(arn), account), PrincipalTypes.Root);
            case F.AwsService:
                return new(ui.InvokedBy ?? ui.PrincipalId ?? "aws-service", PrincipalTypes.Service);
            case F.AwsAccount:
                // Another account acting on this one: no fitting principal type; the account id is the identity.
                return new("aws-account:" + (ui.AccountId ?? ui.PrincipalId ?? UnknownPrincipal), PrincipalTypes.Unknown);
            case F.FederatedUser:
                return new(arn ?? ("federated-user:" + (ui.PrincipalId ?? UnknownPrincipal)), PrincipalTypes.Federated);
            case F.IdentityCenterUser:
                {
                    var userId = ui.OnBehalfOfUserId;
                    var store = ui.OnBehalfOfStoreArn;
                    var p = userId is null ? "identity-center:" + (ui.PrincipalId ?? UnknownPrincipal)
                        : store is null ? "identity-center:" + userId : store + "/user/" + userId;
                    return new(p, PrincipalTypes.User);
                }

            case F.SamlUser:
                return new("saml:" + (ui.IdentityProvider ?? string.Empty) + ":" + (ui.UserName ?? ui.PrincipalId ?? UnknownPrincipal), PrincipalTypes.Federated);
            case F.WebIdentityUser:
                return new("web-identity:" + (ui.IdentityProvider ?? string.Empty) + ":" + (ui.UserName ?? ui.PrincipalId ?? UnknownPrincipal), PrincipalTypes.Federated);
            default:
                return arn is not null ? new(arn, PrincipalTypes.Unknown)
                    : ui.PrincipalId is { } pid ? new(pid, PrincipalTypes.Unknown) : Unknown;
        }
    }

    /// <summary>
    /// Reads a GuardDuty <c>resource.accessKeyDetails</c> object. GuardDuty gives the role name as <c>userName</c>
    /// and the session after the colon of <c>principalId</c>; ARNs are rebuilt in <paramref name="partition"/>.
    /// </summary>
    public static AwsPrincipal? FromAccessKeyDetails(JsonElement? accessKeyDetails, string account, string partition)
    {
        if (accessKeyDetails is not { ValueKind: JsonValueKind.Object } ak)
        {
            return null;
        }

        var name = ak.NonEmpty(F.UserName);
        var principalId = ak.NonEmpty(F.PrincipalId);
        return ak.Str(F.UserType) switch
        {
            F.AssumedRole => new($"arn:{partition}:iam::{account}:role/{name ?? BeforeColon(principalId) ?? UnknownPrincipal}", PrincipalTypes.Role, AfterColon(principalId)),
            F.IamUser => new(UserArn(partition, account, name ?? principalId ?? UnknownPrincipal), PrincipalTypes.User),
            F.Root => new(RootArn(partition, account), PrincipalTypes.Root),
            F.FederatedUser => new($"arn:{partition}:sts::{account}:federated-user/{name ?? principalId ?? UnknownPrincipal}", PrincipalTypes.Federated),
            F.AwsService => new(name ?? principalId ?? "aws-service", PrincipalTypes.Service),
            _ when name is not null || principalId is not null => new(name ?? principalId!, PrincipalTypes.Unknown),
            _ => null,
        };
    }

    /// <summary>Rewrites <c>arn:aws:sts::A:assumed-role/R/S</c> to <c>arn:aws:iam::A:role/R</c> (role path is not in the session ARN).</summary>
    public static string? RoleArnOf(string? assumedRoleArn)
    {
        if (assumedRoleArn is null)
        {
            return null;
        }

        var at = assumedRoleArn.IndexOf(AssumedRoleMarker, StringComparison.Ordinal);
        if (at < 0 || !assumedRoleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        // arn:<partition>:sts::<account>:assumed-role/<role>/<session>
        var head = assumedRoleArn.AsSpan(0, at); // arn:<partition>:sts::<account>
        var rest = assumedRoleArn.AsSpan(at + AssumedRoleMarker.Length);
        var slash = rest.IndexOf('/');
        var role = slash < 0 ? rest : rest[..slash];
        var stsAt = head.IndexOf(":sts:", StringComparison.Ordinal);
        if (stsAt < 0 || role.IsEmpty)
        {
            return null;
        }

        return $"{head[..stsAt]}:iam:{head[(stsAt + 5)..]}:role/{role}";
    }

    /// <summary>The session part of an assumed-role ARN.</summary>
    public static string? SessionOf(string? assumedRoleArn)
    {
        if (assumedRoleArn is null)
        {
            return null;
        }

        var at = assumedRoleArn.IndexOf(AssumedRoleMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var slash = assumedRoleArn.IndexOf('/', at + AssumedRoleMarker.Length);
        return slash < 0 || slash == assumedRoleArn.Length - 1 ? null : assumedRoleArn[(slash + 1)..];
    }

    private static string UserArn(string partition, string account, string name) => $"arn:{partition}:iam::{account}:user/{name}";

    private static string RootArn(string partition, string account) => $"arn:{partition}:iam::{account}:root";

    private static string Partition(string? arn)
    {
        if (arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            var end = arn.IndexOf(':', 4);
            if (end > 4)
            {
                return arn[4..end];
            }
        }

        return "aws";
    }

    private static string? AfterColon(string? s)
    {
        var i = s?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return i >= 0 && i < s!.Length - 1 ? s[(i + 1)..] : null;
    }

    private static string? BeforeColon(string? s)
    {
        var i = s?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return i > 0 ? s![..i] : s;
    }
}
