using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Features.Tests.Sequencing;

/// <summary>Every <see cref="SequencerTests"/> rule again, with every alert packed from the first (as in a long batch run).</summary>
public class PackedSequencerTests : SequencerTests
{
    protected override Sequencer New(SequencerOptions? options = null) => new(options, packAbove: 0);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    public void Add_KeysHoldingObjectsAndPackedAlertsAcrossTheThreshold_GiveTheSameUpdatesAsObjectsOnly(int packAbove)
    {
        // Shuffled, with duplicates and late alerts, over three principals: some alerts held as objects, the rest packed.
        var random = new Random(17);
        var alerts = Enumerable.Range(0, 120)
            .Select(i => Alert().Id("a" + (i % 110)).At(TimeSpan.FromMinutes(random.Next(0, 600))).Principal("p" + (i % 3)).Build())
            .OrderBy(_ => random.Next())
            .ToArray();
        var options = new SequencerOptions { MaxGap = TimeSpan.FromMinutes(30), MaxSpan = TimeSpan.FromHours(3), Lateness = TimeSpan.FromMinutes(45) };

        static List<(SequenceUpdateKind, string, string[])> Run(Sequencer s, IEnumerable<NormalizedAlert> input)
        {
            var all = new List<SequenceUpdate>();
            foreach (var a in input)
            {
                all.AddRange(s.Add(a));
            }

            all.AddRange(s.Flush());
            return [.. all.Select(u => (u.Kind, u.Sequence.SequenceId, u.Sequence.Alerts.Select(a => a.Id).ToArray()))];
        }

        var objects = Run(new Sequencer(options, packAbove: int.MaxValue), alerts);
        var mixed = Run(new Sequencer(options, packAbove), alerts);

        Assert.Contains(objects, u => u.Item1 == SequenceUpdateKind.Revised);
        Assert.Equal(objects.Count, mixed.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            Assert.Equal(objects[i].Item1, mixed[i].Item1);
            Assert.Equal(objects[i].Item2, mixed[i].Item2);
            Assert.Equal(objects[i].Item3, mixed[i].Item3);
        }
    }

    [Fact]
    public void PackHeldAlertsOff_ManyHeldAlerts_SameUpdatesAndTheAddedInstances()
    {
        // 6,000 alerts held at once (above the packing threshold), over 50 principals, one flush at the end.
        var alerts = Enumerable.Range(0, 6000)
            .Select(i => Alert().Id("a" + i).At(TimeSpan.FromSeconds(i)).Principal("p" + (i % 50)).Build())
            .ToArray();
        var options = new SequencerOptions { Lateness = TimeSpan.FromDays(1) };

        static List<SequenceUpdate> Run(Sequencer s, IEnumerable<NormalizedAlert> input)
        {
            var all = new List<SequenceUpdate>();
            foreach (var a in input)
            {
                all.AddRange(s.Add(a));
            }

            all.AddRange(s.Flush());
            return all;
        }

        var packed = Run(new Sequencer(options), alerts);
        var objects = Run(new Sequencer(options with { PackHeldAlerts = false }), alerts);

        Assert.Equal(packed.Select(u => u.Sequence.SequenceId), objects.Select(u => u.Sequence.SequenceId));
        Assert.Equal(packed.SelectMany(u => u.Sequence.Alerts), objects.SelectMany(u => u.Sequence.Alerts));
        var byId = alerts.ToDictionary(a => a.Id);
        Assert.All(objects.SelectMany(u => u.Sequence.Alerts), a => Assert.Same(byId[a.Id], a));
        Assert.Contains(packed.SelectMany(u => u.Sequence.Alerts), a => !ReferenceEquals(byId[a.Id], a));
    }
}
