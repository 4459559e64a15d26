namespace CstmML.Cli.Commands;

/// <summary>Runs a verb body, turning <see cref="CliUsageException"/> into its message and exit code 2.</summary>
internal static class VerbAction
{
    public static int Run(CliEnvironment env, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (CliUsageException ex)
        {
            env.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}
