using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Features.Tests.Sequencing;

public class PackedAlertsTests
{
    private static readonly SequenceKey Key = new("111122223333", "arn:aws:iam::111122223333:role/app");

    // Every field set, with an offset time, an ingestion time, a record index and non-ASCII text.
    private static NormalizedAlert Full(string id, double minutes) =>
        Alert().Id(id).At(TimeSpan.FromMinutes(minutes)).Account(Key.Account).Principal(Key.Principal).Techniques("T1580", "T1619").Tactics("TA0007").Build() with
        {
            Time = (T0 + TimeSpan.FromMinutes(minutes)).ToOffset(TimeSpan.FromHours(5.5)),
            Ingested = (T0 + TimeSpan.FromMinutes(minutes + 3)).ToOffset(TimeSpan.FromHours(-7)),
            Provider = CloudProvider.Azure,
            Product = AlertProduct.Defender,
            Type = "VM_SuspiciousCommand",
            PrincipalType = PrincipalTypes.User,
            SessionName = "séance-" + id,
            Region = "westeurope",
            SourceIp = "2001:db8::" + id.Length,
            UserAgent = "Mozilla/5.0 (X11) — test",
            AccessKeyId = "AKIA" + id,
            Outcome = "AccessDenied",
            Severity = 0.1 + minutes,
            Service = "compute",
            Mapping = [new TechniqueMapping(TechniqueId.Parse("T1580"), MappingSource.Curated, 0.6, "curated:x")],
            RawRef = new RawRef("/data/alerts.json", 42 + (long)minutes, 7),
        };

    private static NormalizedAlert Sparse(string id, double minutes) =>
        Alert().Id(id).At(TimeSpan.FromMinutes(minutes)).Account(Key.Account).Principal(Key.Principal).Build() with
        {
            SessionName = null,
            Region = null,
            SourceIp = null,
            UserAgent = null,
            AccessKeyId = null,
            Service = null,
            RawRef = new RawRef("in.jsonl", 1),
        };

    [Fact]
    public void Unpack_EveryField_EqualsWhatWasAdded()
    {
        var packed = new PackedAlerts(new PackedStrings());
        NormalizedAlert[] alerts = [Full("a", 0), Sparse("b", 1), Full("c-ü", 2)];
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        var back = packed.Unpack(Key, 0, packed.Count);

        Assert.Equal(alerts, back);
        Assert.Equal(alerts.Select(a => a.Time.Offset), back.Select(a => a.Time.Offset));
        Assert.Equal(alerts.Select(a => a.Ingested?.Offset), back.Select(a => a.Ingested?.Offset));
        Assert.Same(alerts[0].Techniques, back[0].Techniques);
    }

    [Fact]
    public void Unpack_SharedStringTableFull_PacksNewValuesInlineAndStillRoundTrips()
    {
        var strings = new PackedStrings(capacity: 2);
        var packed = new PackedAlerts(strings);
        var alerts = Enumerable.Range(0, 5).Select(i => Full("id" + i, i) with { Type = "Type" + i, Region = "region" + i }).ToArray();
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        Assert.Equal(2, strings.Count);
        Assert.Equal(alerts, packed.Unpack(Key, 0, packed.Count));
    }

    [Fact]
    public void Sort_OutOfOrderAlerts_FollowsTheSequenceOrder()
    {
        var packed = new PackedAlerts(new PackedStrings());
        NormalizedAlert[] alerts = [Full("b", 5), Full("z", 1), Full("B", 5), Sparse("a", 5), Full("c", 0)];
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        packed.Sort();

        var expected = alerts.ToList();
        expected.Sort(SequenceBuilder.Order);
        Assert.Equal(expected, packed.Unpack(Key, 0, packed.Count));
        Assert.Equal(["c", "z", "B", "a", "b"], packed.Unpack(Key, 0, packed.Count).Select(a => a.Id));
    }

    [Fact]
    public void Compare_IdsStoredOneByteAndTwoBytesPerCharacter_CompareOrdinally()
    {
        var packed = new PackedAlerts(new PackedStrings());
        string[] ids = ["ab", "a\u0100", "a\u00ff", "a", "ab\u4e00", "\u00e9"];
        foreach (var id in ids)
        {
            packed.Add(Sparse(id, 1));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            foreach (var other in ids)
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(ids[i], other)), Math.Sign(packed.Compare(i, Sparse(other, 1))));
            }

            Assert.True(packed.ContainsId(ids[i]));
        }

        Assert.False(packed.ContainsId("a\u0101"));
        packed.Sort();
        Assert.Equal(ids.Order(StringComparer.Ordinal), packed.Unpack(Key, 0, packed.Count).Select(a => a.Id));
    }

    [Fact]
    public void Compare_MatchesSequenceBuilderOrder()
    {
        var packed = new PackedAlerts(new PackedStrings());
        packed.Add(Full("m", 5));
        foreach (var other in new[] { Full("a", 5), Full("m", 5), Full("z", 5), Full("a", 6), Full("z", 4) })
        {
            Assert.Equal(Math.Sign(SequenceBuilder.Order(Full("m", 5), other)), Math.Sign(packed.Compare(0, other)));
        }
    }

    [Fact]
    public void RemoveFirst_InOrder_KeepsTheRestIntactAndAddsStillWork()
    {
        var packed = new PackedAlerts(new PackedStrings());
        var alerts = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? Full("id" + i, i) : Sparse("id" + i, i)).ToArray();
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        packed.RemoveFirst(2);
        packed.RemoveFirst(1);
        var g = Full("id6", 6);
        packed.Add(g);

        Assert.Equal([alerts[3], alerts[4], alerts[5], g], packed.Unpack(Key, 0, packed.Count));
        Assert.Equal((T0 + TimeSpan.FromMinutes(3)).UtcTicks, packed.TicksAt(0));
    }

    [Fact]
    public void RemoveFirst_AfterASort_KeepsTheRestIntactAndAddsStillWork()
    {
        var packed = new PackedAlerts(new PackedStrings());
        NormalizedAlert[] alerts = [Full("d", 3), Full("a", 0), Sparse("c", 2), Full("b", 1)];
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        packed.Sort();
        packed.RemoveFirst(2);
        var e = Full("e", 4);
        packed.Add(e);

        Assert.Equal([alerts[2], alerts[0], e], packed.Unpack(Key, 0, packed.Count));
        Assert.Equal((T0 + TimeSpan.FromMinutes(2)).UtcTicks, packed.TicksAt(0));

        packed.RemoveFirst(3);
        Assert.Equal(0, packed.Count);
        var f = Sparse("f", 9);
        packed.Add(f);
        Assert.Equal([f], packed.Unpack(Key, 0, 1));
    }
}
