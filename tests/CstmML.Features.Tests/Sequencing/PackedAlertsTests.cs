using System.Globalization;
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

    [Fact]
    public void Add_ManyAlertsAcrossPages_RoundTripsAndFreesPagesAsTheyEmpty()
    {
        var pages = new PackedPages();
        var packed = new PackedAlerts(new PackedStrings(), pages);
        var alerts = Enumerable.Range(0, 600).Select(i => i % 3 == 0 ? Sparse("id" + i.ToString("D4", CultureInfo.InvariantCulture), i) : Full("id" + i.ToString("D4", CultureInfo.InvariantCulture), i)).ToArray();
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        Assert.Equal(alerts, packed.Unpack(Key, 0, packed.Count));
        Assert.Equal(0, pages.Free);

        // Dropping the first 500 frees every page that held only them; the rest still unpack, and adding reuses pages.
        packed.RemoveFirst(500);
        var freed = pages.Free;
        Assert.True(freed >= 2, $"{freed} pages freed");
        Assert.Equal(alerts[500..], packed.Unpack(Key, 0, packed.Count));
        var more = Enumerable.Range(600, 200).Select(i => Full("id" + i, i)).ToArray();
        foreach (var a in more)
        {
            packed.Add(a);
        }

        Assert.True(pages.Free < freed);
        Assert.Equal([.. alerts[500..], .. more], packed.Unpack(Key, 0, packed.Count));

        packed.Release();
        Assert.Equal(0, packed.Count);
        Assert.True(pages.Free > freed);
    }

    [Fact]
    public void Add_RecordLargerThanAPage_RoundTrips()
    {
        var packed = new PackedAlerts(new PackedStrings(capacity: 0));
        var big = Full("big", 1) with { UserAgent = new string('x', PackedPages.PageBytes + 10), SessionName = new string('\u4e00', PackedPages.PageBytes) };
        NormalizedAlert[] alerts = [Full("a", 0), big, Full("c", 2)];
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        Assert.Equal(alerts, packed.Unpack(Key, 0, packed.Count));
        Assert.True(packed.Compare(1, Full("big", 0)) > 0);
        Assert.Equal("big", packed.IdOf(1));
    }

    [Fact]
    public void Add_HeldAsObjectsAndPackedMixed_SortsComparesAndRemovesAlike()
    {
        var packed = new PackedAlerts(new PackedStrings());
        NormalizedAlert[] alerts = [Full("d", 3), Full("a", 0), Sparse("c", 2), Full("b", 1), Sparse("e", 0)];
        for (var i = 0; i < alerts.Length; i++)
        {
            packed.Add(alerts[i], pack: i % 2 == 0);
        }

        Assert.True(packed.ContainsId("a"));
        Assert.True(packed.ContainsId("d"));
        Assert.False(packed.ContainsId("z"));
        packed.Sort();
        var expected = alerts.ToList();
        expected.Sort(SequenceBuilder.Order);
        var back = packed.Unpack(Key, 0, packed.Count);
        Assert.Equal(expected, back);
        Assert.Same(alerts[1], back.Single(a => a.Id == "a"));
        Assert.Equal("a", packed.IdOf(0));

        packed.RemoveFirst(3);
        var f = Sparse("f", 9);
        packed.Add(f, pack: false);
        Assert.Equal([.. expected[3..], f], packed.Unpack(Key, 0, packed.Count));
    }

    [Fact]
    public void Unpack_ListTableFull_KeepsEachAlertsOwnLists()
    {
        var strings = new PackedStrings(capacity: 1);
        var packed = new PackedAlerts(strings);
        var alerts = Enumerable.Range(0, 4).Select(i => Full("id" + i, i) with { Techniques = [TechniqueId.Parse("T1078")], Tactics = [] }).ToArray();
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        var back = packed.Unpack(Key, 0, packed.Count);
        Assert.Equal(1, strings.ListCount);
        for (var i = 0; i < alerts.Length; i++)
        {
            Assert.Same(alerts[i].Techniques, back[i].Techniques);
            Assert.Same(alerts[i].Tactics, back[i].Tactics);
        }
    }

    [Fact]
    public void Unpack_RepeatedInlineValues_ShareOneInstance()
    {
        var packed = new PackedAlerts(new PackedStrings());
        var alerts = Enumerable.Range(0, 3).Select(i => Full("id" + i, i) with { SourceIp = "198.51.100.7", SessionName = "s-1", AccessKeyId = "ASIA1" }).ToArray();
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        var back = packed.Unpack(Key, 0, packed.Count);
        Assert.Equal(alerts, back);
        Assert.Same(back[0].SourceIp, back[2].SourceIp);
        Assert.Same(back[0].SessionName, back[1].SessionName);
        Assert.NotSame(back[0].Id, back[1].Id);
    }

    [Fact]
    public void Operations_RandomAddsSortsAndRemovals_MatchAPlainList()
    {
        // Model-based: packed or held adds in random time order, sorts and removals of the first few, against a list.
        var random = new Random(11);
        var pages = new PackedPages();
        var packed = new PackedAlerts(new PackedStrings(), pages);
        var model = new List<NormalizedAlert>();
        for (var step = 0; step < 4000; step++)
        {
            var op = random.Next(10);
            if (op < 6)
            {
                var id = "id" + step.ToString(CultureInfo.InvariantCulture);
                var a = random.Next(3) == 0 ? Sparse(id, random.Next(0, 500)) : Full(id, random.Next(0, 500));
                packed.Add(a, pack: random.Next(4) != 0);
                model.Add(a);
            }
            else if (op < 8)
            {
                packed.Sort();
                model.Sort(SequenceBuilder.Order);
            }
            else if (model.Count > 0)
            {
                var k = random.Next(1, Math.Min(model.Count, 40) + 1);
                var removed = model[k - 1].Id;
                packed.RemoveFirst(k);
                model.RemoveRange(0, k);
                Assert.False(packed.ContainsId(removed));
            }

            Assert.Equal(model.Count, packed.Count);
            if (step % 250 == 0 && model.Count > 0)
            {
                Assert.Equal(model, packed.Unpack(Key, 0, packed.Count));
                var i = random.Next(model.Count);
                Assert.Equal(model[i].Id, packed.IdOf(i));
                Assert.Equal(model[i].Time.UtcTicks, packed.TicksAt(i));
                Assert.Equal(0, packed.Compare(i, model[i]));
                Assert.True(packed.ContainsId(model[i].Id));
            }
        }

        Assert.Equal(model, packed.Unpack(Key, 0, packed.Count));
    }

    [Fact]
    public void Detach_RecordsStayUntilReleased_ThenTheirPagesGoBack()
    {
        var pages = new PackedPages();
        var packed = new PackedAlerts(new PackedStrings(), pages);
        var alerts = Enumerable.Range(0, 600).Select(i => Full("id" + i.ToString("D4", CultureInfo.InvariantCulture), i)).ToArray();
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        // Detached entries keep their pages: nothing is freed, and their ids, hashes and containment still read.
        var taken = packed.Detach(500);
        Assert.Equal(100, packed.Count);
        Assert.Equal(0, pages.Free);
        Assert.Equal(alerts[..500].Select(a => a.Id), taken.Select(e => packed.IdOf(e)));
        Assert.True(packed.ContainsId(alerts[499].Id, taken));
        Assert.False(packed.ContainsId(alerts[499].Id));
        Assert.True(PackedAlerts.AllPacked(taken));

        // Released: the pages only they used go back; the alerts still held are intact.
        packed.ReleaseDetached(taken);
        Assert.True(pages.Free >= 2, $"{pages.Free} pages freed");
        Assert.Equal(alerts[500..], packed.Unpack(Key, 0, packed.Count));
    }

    [Fact]
    public void Reattach_DetachedSession_UnpacksEqualAfterASort()
    {
        var packed = new PackedAlerts(new PackedStrings());
        var alerts = Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? Full("a" + i, i) : Sparse("b" + i, i)).ToArray();
        foreach (var a in alerts)
        {
            packed.Add(a);
        }

        var taken = packed.Detach(10);
        var late = Full("late", 2.5);
        packed.Add(late);
        packed.Reattach(taken);
        packed.Sort();

        var expected = alerts.Append(late).ToList();
        expected.Sort(SequenceBuilder.Order);
        Assert.Equal(expected, packed.Unpack(Key, 0, packed.Count));
    }

    [Fact]
    public void Detach_AlertsHeldAsObjects_AreNotPackedAndCannotBePutBack()
    {
        var packed = new PackedAlerts(new PackedStrings());
        packed.Add(Full("x1", 1), pack: false);
        packed.Add(Full("x2", 2));

        var taken = packed.Detach(2);

        Assert.False(PackedAlerts.AllPacked(taken));
        Assert.True(PackedAlerts.AllPacked(taken.AsSpan(1)));
        Assert.Throws<InvalidOperationException>(() => packed.Reattach(taken));
    }

    [Fact]
    public void Operations_RandomAddsDetachesReleasesAndReattaches_MatchAPlainList()
    {
        // Model-based: held and detached alerts against lists, with every page released in the end.
        var random = new Random(5);
        var pages = new PackedPages();
        var packed = new PackedAlerts(new PackedStrings(), pages);
        var model = new List<NormalizedAlert>();
        var detached = new List<(PackedAlerts.Entry[] Entries, List<NormalizedAlert> Alerts)>();
        for (var step = 0; step < 3000; step++)
        {
            var op = random.Next(10);
            if (op < 5)
            {
                var a = (random.Next(3) == 0 ? Sparse : (Func<string, double, NormalizedAlert>)Full)("id" + step.ToString(CultureInfo.InvariantCulture), random.Next(0, 500));
                packed.Add(a);
                model.Add(a);
            }
            else if (op < 7 && model.Count > 0)
            {
                var k = random.Next(1, Math.Min(model.Count, 30) + 1);
                detached.Add((packed.Detach(k), model[..k]));
                model.RemoveRange(0, k);
            }
            else if (op < 8 && detached.Count > 0)
            {
                var i = random.Next(detached.Count);
                var (entries, alerts) = detached[i];
                detached.RemoveAt(i);
                Assert.Equal(alerts.Select(a => a.Id), entries.Select(e => packed.IdOf(e)));
                packed.ReleaseDetached(entries);
            }
            else if (op < 9 && detached.Count > 0)
            {
                var i = random.Next(detached.Count);
                var (entries, alerts) = detached[i];
                detached.RemoveAt(i);
                packed.Reattach(entries);
                model.AddRange(alerts);
            }
            else
            {
                packed.Sort();
                model.Sort(SequenceBuilder.Order);
            }

            Assert.Equal(model.Count, packed.Count);
            if (step % 200 == 0)
            {
                packed.Sort();
                model.Sort(SequenceBuilder.Order);
                Assert.Equal(model, packed.Unpack(Key, 0, packed.Count));
                foreach (var (entries, alerts) in detached)
                {
                    Assert.True(packed.ContainsId(alerts[^1].Id, entries));
                    Assert.Equal(alerts[0].Id, packed.IdOf(entries[0]));
                }
            }
        }

        foreach (var (entries, _) in detached)
        {
            packed.ReleaseDetached(entries);
        }

        // Everything but the page being written is back in the pool once the held alerts go too.
        var before = pages.Free;
        packed.RemoveFirst(packed.Count);
        Assert.True(pages.Free >= before);
        Assert.Equal(0, packed.Count);
    }
}
