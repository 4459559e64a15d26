namespace CstmML.Cli.Commands;

/// <summary>The exit codes of every <c>cstm</c> verb (DESIGN.md).</summary>
internal static class ExitCodes
{
    /// <summary>Everything read was used.</summary>
    public const int Ok = 0;

    /// <summary>The run finished but some input was rejected (see stderr / --rejects).</summary>
    public const int PartialInput = 1;

    /// <summary>Bad command line: unknown option, bad value, missing input, or an output that cannot be written.</summary>
    public const int Usage = 2;
}
