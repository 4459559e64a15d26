using System.CommandLine;

namespace CstmML.Cli.Commands;

/// <summary>Parses and invokes a command tree with the house exit codes: parse errors are usage errors (2).</summary>
internal static class CliRunner
{
    public static int Invoke(RootCommand root, IReadOnlyList<string> args, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(env);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                env.Error.WriteLine($"error: {error.Message}");
            }

            env.Error.WriteLine($"Run '{CommandPath(parsed)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = env.Out, Error = env.Error });
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(r.Command is RootCommand ? "cstm" : r.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
