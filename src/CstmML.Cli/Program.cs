using System.CommandLine;

var root = new RootCommand("cstm: Cloud Sequence-Based Threat Mapping");
return root.Parse(args).Invoke();
