namespace CstmML.Host.Contracts;

/// <summary>The stable RFC 9457 problem type URIs of the host (a contract: clients branch on them).</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:cstmml:problem:";

    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string RateLimited = Prefix + "rate-limited";
    public const string BodyTooLarge = Prefix + "body-too-large";
    public const string BatchTooLarge = Prefix + "batch-too-large";
    public const string InvalidInput = Prefix + "invalid-input";
    public const string InvalidCursor = Prefix + "invalid-cursor";
    public const string ModelUnavailable = Prefix + "model-unavailable";
    public const string Timeout = Prefix + "timeout";
    public const string NotFound = Prefix + "not-found";
    public const string Internal = Prefix + "internal";
}
