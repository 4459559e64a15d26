using System.CommandLine;
using CstmML.Cli.Commands;
using CstmML.Host.Models;
using CstmML.Ingestion.Pipeline;

// The table of contents of the cstm command: one line per verb (each in Commands/).
var env = CliEnvironment.FromConsole();
var root = new RootCommand("cstm: cloud alert sequences mapped to MITRE ATT&CK");
root.Subcommands.Add(MapCommand.Create(env));
root.Subcommands.Add(SequencesCommand.Create(env));
root.Subcommands.Add(CoverageCommand.Create(env));
root.Subcommands.Add(ScoreCommand.Create(env));
root.Subcommands.Add(SimulateCommand.Create(env.Out, env.Error));
root.Subcommands.Add(TrainCommand.Create(env));
root.Subcommands.Add(EvaluateCommand.Create(env));
root.Subcommands.Add(PlaybooksCommand.Create(path => AlertLoader.Load(path, new RejectReporter(env.Error, null, env).Report)));
root.Subcommands.Add(MatchCommand.Create(path => AlertLoader.Load(path, new RejectReporter(env.Error, null, env).Report)));
root.Subcommands.Add(ServeCommand.Create(env, ScorerLoaders.Default));
root.Subcommands.Add(KeysCommand.Create(env));
return CliRunner.Invoke(root, args, env);
