namespace CstmML.Host.Contracts;

/// <summary>The state of the session a detection scored (values of <see cref="Detection.Session"/>).</summary>
public static class SessionStates
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Revised = "revised";
}
