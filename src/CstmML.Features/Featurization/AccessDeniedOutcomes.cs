namespace CstmML.Features.Featurization;

/// <summary>Outcome markers (case-insensitive substrings) that count as an authorization failure in <c>ctx_access_denied_share</c>.</summary>
public static class AccessDeniedOutcomes
{
    /// <summary>AWS (AccessDenied, UnauthorizedOperation, ...), Azure (AuthorizationFailed), GCP (PERMISSION_DENIED), HTTP (Forbidden).</summary>
    public static readonly IReadOnlyList<string> Markers =
    [
        "AccessDenied", "Unauthorized", "NotAuthorized", "Forbidden", "AuthorizationFailed", "PERMISSION_DENIED",
    ];

    /// <summary>True when <paramref name="outcome"/> contains one of the <see cref="Markers"/>.</summary>
    public static bool IsAccessDenied(string? outcome)
    {
        if (string.IsNullOrEmpty(outcome))
        {
            return false;
        }

        for (var i = 0; i < Markers.Count; i++)
        {
            if (outcome.Contains(Markers[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
