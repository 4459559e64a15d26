using System.Text.Json;
using CstmML.Ingestion.Json;
using F = CstmML.Ingestion.Identity.AwsIdentityFields;

namespace CstmML.Ingestion.Identity;

/// <summary>
/// The values of a CloudTrail <c>userIdentity</c> object that <see cref="AwsPrincipal"/> reads, already reduced the
/// way the JSON readers reduce them (a missing, null or empty string is null; <see cref="Type"/> keeps ""), so a
/// document reader and a streaming reader produce the same principal.
/// </summary>
internal readonly record struct AwsIdentity
{
    public string? Type { get; init; }

    public string? Arn { get; init; }

    public string? AccountId { get; init; }

    public string? PrincipalId { get; init; }

    public string? UserName { get; init; }

    public string? InvokedBy { get; init; }

    public string? IdentityProvider { get; init; }

    public string? AccessKeyId { get; init; }

    /// <summary><c>sessionContext.sessionIssuer.arn</c>.</summary>
    public string? IssuerArn { get; init; }

    /// <summary><c>onBehalfOf.userId</c>.</summary>
    public string? OnBehalfOfUserId { get; init; }

    /// <summary><c>onBehalfOf.identityStoreArn</c>.</summary>
    public string? OnBehalfOfStoreArn { get; init; }

    /// <summary>Reads a <c>userIdentity</c> object (the caller checked that it is one).</summary>
    public static AwsIdentity FromJson(JsonElement ui)
    {
        var issuer = ui.Path(F.SessionContext, F.SessionIssuer);
        var onBehalf = ui.Prop(F.OnBehalfOf);
        return new AwsIdentity
        {
            Type = ui.Str(F.Type),
            Arn = ui.NonEmpty(F.Arn),
            AccountId = ui.NonEmpty(F.AccountId),
            PrincipalId = ui.NonEmpty(F.PrincipalId),
            UserName = ui.NonEmpty(F.UserName),
            InvokedBy = ui.NonEmpty(F.InvokedBy),
            IdentityProvider = ui.NonEmpty(F.IdentityProvider),
            AccessKeyId = ui.NonEmpty(F.AccessKeyId),
            IssuerArn = issuer is { } i ? i.NonEmpty(F.Arn) : null,
            OnBehalfOfUserId = onBehalf is { } o ? o.NonEmpty(F.UserId) : null,
            OnBehalfOfStoreArn = onBehalf is { } o2 ? o2.NonEmpty(F.IdentityStoreArn) : null,
        };
    }
}
