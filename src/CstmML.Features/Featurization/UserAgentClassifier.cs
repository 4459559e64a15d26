namespace CstmML.Features.Featurization;

/// <summary>
/// Classifies user agent strings by case-insensitive markers. Checked in order: empty, scripted tool, console,
/// SDK/CLI, browser, other. Tools come first because a tool often wraps an SDK and adds its own name to the SDK's
/// agent (Datadog Grimoire: <c>aws-sdk-go-v2/... exec-env/grimoire_&lt;uuid&gt;</c>).
/// </summary>
public static class UserAgentClassifier
{
    /// <summary>Markers of scripted HTTP clients and offensive or audit tools.</summary>
    public static readonly IReadOnlyList<string> ScriptedToolMarkers =
    [
        "python-requests", "python-urllib", "curl/", "wget/", "go-http-client", "okhttp", "pacu", "scoutsuite",
        "stratus-red-team", "grimoire", "cloudfox", "prowler", "trufflehog", "nmap", "masscan", "zgrab",
    ];

    /// <summary>Markers of the providers' web consoles and sign-in services.</summary>
    public static readonly IReadOnlyList<string> ConsoleMarkers =
    [
        "console.amazonaws.com", "signin.amazonaws.com", "portal.azure.com", "console.cloud.google.com",
    ];

    /// <summary>Markers of provider SDKs, CLIs and infrastructure-as-code tools.</summary>
    public static readonly IReadOnlyList<string> SdkCliMarkers =
    [
        "aws-cli", "boto3", "botocore", "aws-sdk-", "awspowershell", "terraform", "azure-cli", "azurecli", "azsdk-",
        "azure-sdk", "azurepowershell", "google-cloud-sdk", "gcloud", "google-api-",
    ];

    /// <summary>The prefix every mainstream browser sends.</summary>
    public const string BrowserPrefix = "Mozilla/";

    /// <summary>Classifies one user agent string; never throws.</summary>
    public static UserAgentClass Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return UserAgentClass.Empty;
        }

        var ua = userAgent.AsSpan();
        if (ContainsAny(ua, ScriptedToolMarkers))
        {
            return UserAgentClass.ScriptedTool;
        }

        if (ContainsAny(ua, ConsoleMarkers))
        {
            return UserAgentClass.Console;
        }

        if (ContainsAny(ua, SdkCliMarkers))
        {
            return UserAgentClass.SdkCli;
        }

        return ua.TrimStart().StartsWith(BrowserPrefix, StringComparison.OrdinalIgnoreCase) ? UserAgentClass.Browser : UserAgentClass.Other;
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, IReadOnlyList<string> markers)
    {
        for (var i = 0; i < markers.Count; i++)
        {
            if (text.Contains(markers[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
