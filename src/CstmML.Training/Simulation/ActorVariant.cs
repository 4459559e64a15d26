namespace CstmML.Training.Simulation;

/// <summary>One way an actor operates: in which cloud, against which kinds of principal, with which stages.</summary>
/// <param name="Cloud">The cloud the variant runs in (AWS: CloudTrail + GuardDuty; Azure: Defender; GCP: SCC).</param>
/// <param name="Weight">Relative frequency among the actor's variants.</param>
/// <param name="Targets">Role archetypes whose principals the actor compromises.</param>
/// <param name="Stages">The playbook in its usual order.</param>
internal sealed record ActorVariant(CloudKind Cloud, double Weight, IReadOnlyList<string> Targets, IReadOnlyList<ActorStage> Stages);
