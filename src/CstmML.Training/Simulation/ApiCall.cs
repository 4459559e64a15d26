namespace CstmML.Training.Simulation;

/// <summary>One AWS API as CloudTrail logs it, written in profiles as <c>service:EventName</c> (e.g. <c>iam:ListUsers</c>).</summary>
internal sealed record ApiCall(string Service, string Name)
{
    private static readonly string[] ReadOnlyPrefixes = ["Get", "List", "Describe", "Head", "Lookup", "Search", "Check", "BatchGet", "Scan", "Query", "Select"];

    /// <summary>CloudTrail eventSource, e.g. <c>iam.amazonaws.com</c>.</summary>
    public string EventSource => Service switch
    {
        "signin" => "signin.amazonaws.com",
        "ses" => "ses.amazonaws.com",
        _ => Service + ".amazonaws.com",
    };

    /// <summary>CloudTrail readOnly: reads by API name prefix.</summary>
    public bool ReadOnly => Array.Exists(ReadOnlyPrefixes, p => Name.StartsWith(p, StringComparison.Ordinal))
        || Name is "InvokeModel" or "InvokeModelWithResponseStream" or "Decrypt";

    /// <summary>Object-level S3, SNS Publish and Lambda Invoke are CloudTrail data events, not management events.</summary>
    public bool IsDataEvent => (Service == "s3" && Name is "GetObject" or "PutObject" or "DeleteObject" or "CopyObject" or "HeadObject")
        || (Service == "sns" && Name == "Publish")
        || (Service == "lambda" && Name == "Invoke");

    /// <summary>IAM, STS GetCallerIdentity and the console sign-in are logged in us-east-1 whatever the caller's region.</summary>
    public bool IsGlobal => Service is "iam" or "signin" || Name == "GetCallerIdentity";

    /// <summary>The IAM action name used in AccessDenied messages.</summary>
    public string Action => Service + ":" + Name;

    /// <summary>Parses <c>service:EventName</c>; throws on a malformed profile entry (profiles are code, checked by tests).</summary>
    public static ApiCall Parse(string text)
    {
        var i = text.IndexOf(':', StringComparison.Ordinal);
        if (i <= 0 || i == text.Length - 1)
        {
            throw new FormatException($"Profile call '{text}' is not service:EventName.");
        }

        return new ApiCall(text[..i], text[(i + 1)..]);
    }

    public override string ToString() => Action;
}
