using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using CstmML.Core.Alerts;
using CstmML.Core.Hashing;
using CstmML.Core.Sequences;
using CstmML.Features.Velocity;

namespace CstmML.Features.Featurization;

/// <summary>
/// Turns one <see cref="AlertSequence"/> into the fixed-length float vector described by its <see cref="FeatureSchema"/>
/// (docs/features.md documents every slot). The one featurizer used by training, batch scoring and the host.
/// Thread-safe; its only state is a bounded cache of user agent classes. The span overload allocates nothing on the
/// managed heap (apart from that cache's entries).
/// </summary>
public sealed class SequenceFeaturizer
{
    // FNV-1a's 32-bit offset basis: XOR-ing it into a seed lets StableHash.Fnv1a32 continue an earlier hash.
    private const uint FnvOffset32 = 2166136261;
    private const double MaxSeverity = 10.0;
    private const int MaxCachedUserAgents = 4096;

    private readonly FeatureLayout _layout;
    private readonly IIpReputation? _ipReputation;
    private readonly uint _seed;
    private readonly uint[] _productPrefixHash;
    private readonly uint _unknownProductPrefixHash;
    private readonly ConcurrentDictionary<string, (UserAgentClass Class, uint Hash)> _userAgents = new(StringComparer.Ordinal);
    private int _cachedUserAgents;

    /// <summary>Creates a featurizer for <paramref name="schema"/> (default: <see cref="FeatureSchema.Default"/>).</summary>
    /// <param name="schema">The layout to fill; a schema loaded beside a model reproduces that model's inputs.</param>
    /// <param name="ipReputation">Optional source-IP enrichment; without it the reputation slots are 0.</param>
    public SequenceFeaturizer(FeatureSchema? schema = null, IIpReputation? ipReputation = null)
    {
        Schema = schema ?? FeatureSchema.Default;
        _layout = Schema.Layout;
        _ipReputation = ipReputation;
        _seed = Schema.HashSeed;
        var products = Enum.GetValues<AlertProduct>();
        _productPrefixHash = new uint[products.Max(p => (int)p) + 1];
        foreach (var p in products)
        {
            _productPrefixHash[(int)p] = StableHash.Fnv1a32(p.ToString().ToLowerInvariant() + ":", _seed);
        }

        _unknownProductPrefixHash = StableHash.Fnv1a32("unknown:", _seed);
    }

    /// <summary>The schema this featurizer fills.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>Number of floats written per sequence.</summary>
    public int Dimension => _layout.Dimension;

    /// <summary>Featurizes into a new array of <see cref="Dimension"/> floats.</summary>
    public float[] Featurize(AlertSequence sequence)
    {
        var vector = new float[Dimension];
        Featurize(sequence, vector);
        return vector;
    }

    /// <summary>Featurizes many sequences into one row-major array (row i = sequence i), the layout trainers and ONNX batches take.</summary>
    public float[] FeaturizeAll(IReadOnlyList<AlertSequence> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var matrix = new float[checked(sequences.Count * Dimension)];
        for (var i = 0; i < sequences.Count; i++)
        {
            Featurize(sequences[i], matrix.AsSpan(i * Dimension, Dimension));
        }

        return matrix;
    }

    /// <summary>
    /// Writes the feature vector of <paramref name="sequence"/> into the first <see cref="Dimension"/> floats of
    /// <paramref name="destination"/>. Throws <see cref="ArgumentException"/> for an empty sequence or a short span.
    /// </summary>
    public void Featurize(AlertSequence sequence, Span<float> destination) => Featurize(sequence, destination, null, profile: false);

    /// <summary>
    /// Writes the feature vector as <see cref="Featurize(AlertSequence, Span{float})"/> does and returns the sequence's
    /// <see cref="VelocityProfile"/> (with <paramref name="velocityThresholds"/>, default when null), made from the same
    /// sorted gaps: the scorer needs both, and sorting the gaps once is cheaper than twice. Same values as
    /// <see cref="VelocityProfile.From"/>.
    /// </summary>
    public VelocityProfile FeaturizeWithVelocity(AlertSequence sequence, Span<float> destination, VelocityThresholds? velocityThresholds = null) =>
        Featurize(sequence, destination, velocityThresholds ?? VelocityThresholds.Default, profile: true)!;

    private VelocityProfile? Featurize(AlertSequence sequence, Span<float> destination, VelocityThresholds? velocityThresholds, bool profile)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var alerts = sequence.Alerts
            ?? throw new ArgumentException($"Sequence '{sequence.SequenceId}' has no alert list.", nameof(sequence));
        var n = alerts.Count;
        if (n == 0)
        {
            throw new ArgumentException($"Sequence '{sequence.SequenceId}' has no alerts; there is nothing to featurize.", nameof(sequence));
        }

        if (destination.Length < Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; schema {Schema.Version} needs {Dimension}.", nameof(destination));
        }

        var d = destination[..Dimension];
        d.Clear();

        var ticks = ArrayPool<long>.Shared.Rent(n);
        var doubles = ArrayPool<double>.Shared.Rent(n);
        var hashes = ArrayPool<uint>.Shared.Rent(4 * n);
        try
        {
            WriteSequenceBlocks(sequence, d, hashes.AsSpan(0, 4 * n));
            var span = SequenceTimes.FillSortedGaps(sequence, ticks, doubles);
            var gaps = doubles.AsSpan(0, n - 1);
            var stats = GapStatistics.FromSortedGaps(gaps, span);
            WriteTimeBlock(d, n, gaps, stats);
            return profile ? VelocityProfile.FromSortedGaps(gaps, stats, velocityThresholds!) : null;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ticks);
            ArrayPool<double>.Shared.Return(doubles);
            ArrayPool<uint>.Shared.Return(hashes);
        }
    }

    /// <summary>
    /// Lists the technique and alert-type n-grams of <paramref name="sequence"/> with the slot each one lands in, so
    /// an explanation can name the n-grams behind a heavy slot (several n-grams can share a slot: hashing collides).
    /// </summary>
    public IReadOnlyList<NgramSlot> DescribeNgrams(AlertSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var result = new List<NgramSlot>();
        var techniques = new List<(string Text, uint Hash)>();
        var types = new List<(string Text, uint Hash)>();
        string? last = null;
        foreach (var alert in sequence.Alerts)
        {
            foreach (var tech in alert.Techniques ?? [])
            {
                if (tech.Value is { } v && !string.Equals(v, last, StringComparison.Ordinal))
                {
                    techniques.Add((v, StableHash.Fnv1a32(v, _seed)));
                    last = v;
                }
            }

            types.Add((ProductName(alert.Product) + ":" + alert.Type, TypeTokenHash(alert)));
        }

        AddNgrams(result, techniques, FeatureNames.TechniqueNgramPrefix, _layout.TechniqueOffset, _layout.TechniqueBuckets);
        AddNgrams(result, types, FeatureNames.AlertTypeNgramPrefix, _layout.AlertTypeOffset, _layout.AlertTypeBuckets);
        return result;
    }

    private void AddNgrams(List<NgramSlot> result, List<(string Text, uint Hash)> tokens, string block, int offset, int buckets)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var order = 1; order <= 3 && i - order + 1 >= 0; order++)
            {
                var h = NgramStream.Start(_seed, order);
                var parts = new string[order];
                for (var j = 0; j < order; j++)
                {
                    var token = tokens[i - order + 1 + j];
                    h = StableHash.Combine(h, token.Hash);
                    parts[j] = token.Text;
                }

                var slot = offset + (int)(h % (uint)buckets);
                result.Add(new NgramSlot(block, order, string.Join(" > ", parts), slot, Schema.Names[slot]));
            }
        }
    }

    private void WriteSequenceBlocks(AlertSequence sequence, Span<float> d, Span<uint> hashes)
    {
        var alerts = sequence.Alerts;
        var n = alerts.Count;
        var techBlock = d.Slice(_layout.TechniqueOffset, _layout.TechniqueBuckets);
        var typeBlock = d.Slice(_layout.AlertTypeOffset, _layout.AlertTypeBuckets);
        var regionHashes = hashes[..n];
        var serviceHashes = hashes.Slice(n, n);
        var ipHashes = hashes.Slice(2 * n, n);
        var uaHashes = hashes.Slice(3 * n, n);
        int regions = 0, services = 0, ips = 0, uas = 0;

        // Rolling n-gram state of each token stream.
        var techStream = new NgramStream(_seed);
        var typeStream = new NgramStream(_seed);
        string? previousType = null;
        var previousProduct = default(AlertProduct);
        string? lastTech = null;

        // Tactic state: each alert's tactics as a bit mask of kill-chain orders (bit k = order k).
        var tacticBlock = d.Slice(_layout.TacticTransitionOffset, KillChainPhases.Count * KillChainPhases.Count);
        uint presence = 0, previousMask = 0;
        int firstOrder = 0, lastOrder = 0, untagged = 0, transitions = 0;
        double forward = 0, backward = 0;

        // Context state.
        int errors = 0, denied = 0, regionPairs = 0, regionSwitches = 0, anonymizing = 0, cloud = 0;
        double severitySum = 0, severityMax = 0;
        // Values usually repeat from one alert to the next: each string is hashed once per run of equal values.
        string? previousRegion = null, previousService = null, previousUa = null, previousIp = null;
        uint regionHash = 0, serviceHash = 0, uaHash = 0, ipHash = 0;
        var uaClass = UserAgentClass.Empty;
        var ipFlags = IpCategories.None;
        Span<int> uaCounts = stackalloc int[6];

        for (var a = 0; a < n; a++)
        {
            var alert = alerts[a] ?? throw NullAlert(sequence, a);

            // Indexed loops: foreach over IReadOnlyList<T> would box an enumerator per alert.
            var alertTechniques = alert.Techniques ?? [];
            for (var k = 0; k < alertTechniques.Count; k++)
            {
                var v = alertTechniques[k].Value;
                if (v is null || string.Equals(v, lastTech, StringComparison.Ordinal))
                {
                    continue;
                }

                lastTech = v;
                techStream.Add(StableHash.Fnv1a32(v, _seed), techBlock);
            }

            var sameType = a > 0 && alert.Product == previousProduct && string.Equals(alert.Type, previousType, StringComparison.Ordinal);
            var typeToken = sameType ? typeStream.Last : TypeTokenHash(alert);
            previousProduct = alert.Product;
            previousType = alert.Type;
            typeStream.Add(typeToken, typeBlock);

            uint mask = 0;
            var alertTactics = alert.Tactics ?? [];
            for (var k = 0; k < alertTactics.Count; k++)
            {
                var order = TacticOrders.Of(alertTactics[k]);
                if (order > 0)
                {
                    mask |= 1u << order;
                }
            }

            if (mask == 0)
            {
                untagged++;
            }
            else
            {
                if (presence == 0)
                {
                    firstOrder = BitOperations.TrailingZeroCount(mask);
                }

                lastOrder = 31 - BitOperations.LeadingZeroCount(mask);
                presence |= mask;
                if (previousMask != 0 && mask != previousMask)
                {
                    AddTransition(tacticBlock, previousMask, mask, ref forward, ref backward);
                    transitions++;
                }

                previousMask = mask;
            }

            var outcome = alert.Outcome;
            if (!string.IsNullOrEmpty(outcome) && !string.Equals(outcome, Outcomes.Success, StringComparison.OrdinalIgnoreCase))
            {
                errors++;
                denied += AccessDeniedOutcomes.IsAccessDenied(outcome) ? 1 : 0;
            }

            var region = alert.Region;
            if (!string.IsNullOrEmpty(region))
            {
                var sameRegion = string.Equals(region, previousRegion, StringComparison.Ordinal);
                regionHash = sameRegion ? regionHash : StableHash.Fnv1a32(region);
                regionHashes[regions++] = regionHash;
                if (previousRegion is not null)
                {
                    regionPairs++;
                    regionSwitches += sameRegion ? 0 : 1;
                }

                previousRegion = region;
            }

            var service = alert.Service;
            if (!string.IsNullOrEmpty(service))
            {
                if (!string.Equals(service, previousService, StringComparison.Ordinal))
                {
                    serviceHash = StableHash.Fnv1a32(service);
                    previousService = service;
                }

                serviceHashes[services++] = serviceHash;
            }

            var ip = alert.SourceIp;
            if (!string.IsNullOrEmpty(ip))
            {
                // Consecutive alerts usually share the address: hash and classify once per run of it.
                if (!string.Equals(ip, previousIp, StringComparison.Ordinal))
                {
                    ipHash = StableHash.Fnv1a32(ip);
                    ipFlags = _ipReputation?.Classify(ip) ?? IpCategories.None;
                    previousIp = ip;
                }

                ipHashes[ips++] = ipHash;
                if (_ipReputation is not null)
                {
                    anonymizing += (ipFlags & IpCategories.Anonymizing) != 0 ? 1 : 0;
                    cloud += (ipFlags & IpCategories.CloudProvider) != 0 ? 1 : 0;
                }
            }

            var ua = alert.UserAgent;
            if (string.IsNullOrEmpty(ua))
            {
                uaCounts[(int)UserAgentClass.Empty]++;
            }
            else
            {
                if (!string.Equals(ua, previousUa, StringComparison.Ordinal))
                {
                    (uaClass, uaHash) = ClassifyUserAgent(ua);
                    previousUa = ua;
                }

                uaCounts[(int)uaClass]++;
                uaHashes[uas++] = uaHash;
            }

            var severity = double.IsFinite(alert.Severity) ? Math.Clamp(alert.Severity, 0, MaxSeverity) : 0;
            severitySum += severity;
            severityMax = Math.Max(severityMax, severity);
        }

        L2Normalize(techBlock);
        L2Normalize(typeBlock);

        // Tactics.
        var has = d.Slice(_layout.TacticHasOffset, FeatureLayout.TacticCount);
        for (var order = 1; order <= FeatureLayout.TacticCount; order++)
        {
            has[order - 1] = (presence >> order & 1) != 0 ? 1f : 0f;
        }

        if (transitions > 0)
        {
            for (var i = 0; i < tacticBlock.Length; i++)
            {
                tacticBlock[i] /= transitions;
            }
        }

        var s = d.Slice(_layout.TacticScalarOffset, FeatureLayout.TacticScalarNames.Length);
        if (presence != 0)
        {
            var min = BitOperations.TrailingZeroCount(presence);
            var max = 31 - BitOperations.LeadingZeroCount(presence);
            const float Orders = FeatureLayout.TacticCount;
            s[0] = firstOrder / Orders;
            s[1] = lastOrder / Orders;
            s[2] = min / Orders;
            s[3] = max / Orders;
            s[4] = BitOperations.PopCount(presence) / Orders;
            s[5] = transitions > 0 ? (float)(forward / transitions) : 0f;
            s[6] = transitions > 0 ? (float)(backward / transitions) : 0f;
            s[7] = (max - min) / (Orders - 1);
        }

        s[8] = untagged / (float)n;

        // Context.
        var c = d.Slice(_layout.ContextOffset, FeatureLayout.ContextScalarNames.Length);
        c[0] = errors / (float)n;
        c[1] = denied / (float)n;
        c[2] = Log1p(CountDistinct(regionHashes[..regions]));
        c[3] = Log1p(CountDistinct(serviceHashes[..services]));
        c[4] = regionPairs > 0 ? regionSwitches / (float)regionPairs : 0f;
        c[5] = Log1p(CountDistinct(ipHashes[..ips]));
        c[6] = Log1p(CountDistinct(uaHashes[..uas]));
        var u = d.Slice(_layout.UserAgentOffset, FeatureLayout.UserAgentClassNames.Length);
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = uaCounts[i] / (float)n;
        }

        d[_layout.ReputationOffset] = anonymizing / (float)n;
        d[_layout.ReputationOffset + 1] = cloud / (float)n;
        d[_layout.SeverityOffset] = (float)(severitySum / n / MaxSeverity);
        d[_layout.SeverityOffset + 1] = (float)(severityMax / MaxSeverity);
        d[_layout.PrincipalTypeOffset + PrincipalTypeSlot(sequence)] = 1f;
    }

    private void WriteTimeBlock(Span<float> d, int n, ReadOnlySpan<double> sortedGaps, in GapStatistics g)
    {
        d[_layout.TimeOffset] = Log1p(n);
        d[_layout.TimeOffset + 1] = Log1p(g.SpanSeconds);
        if (g.GapCount > 0)
        {
            var hist = d.Slice(_layout.GapHistogramOffset, FeatureLayout.GapHistogramNames.Length);
            var edges = FeatureLayout.GapHistogramEdges;
            var bin = 0;

            // Gaps are sorted, so one forward sweep assigns every bin.
            foreach (var gap in sortedGaps)
            {
                while (bin < edges.Length && gap >= edges[bin])
                {
                    bin++;
                }

                hist[bin] += 1f;
            }

            for (var i = 0; i < hist.Length; i++)
            {
                hist[i] /= g.GapCount;
            }
        }

        var t = d.Slice(_layout.TimeScalarOffset, FeatureLayout.TimeScalarNames.Length);
        t[0] = Log1p(g.Median);
        t[1] = Log1p(g.Min);
        t[2] = Log1p(g.Max);
        t[3] = Log1p(g.Mean);
        t[4] = Log1p(g.Mad);
        t[5] = (float)g.Cv;
        t[6] = (float)g.Burstiness;
        t[7] = (float)g.ZeroShare;
        t[8] = Log1p(g.EventsPerMinute);
    }

    internal static ArgumentException NullAlert(AlertSequence sequence, int index) =>
        new($"Sequence '{sequence.SequenceId}' has a null alert at index {index}.", nameof(sequence));

    private static void AddTransition(Span<float> block, uint from, uint to, ref double forward, ref double backward)
    {
        // Every (from tactic, to tactic) pair shares one unit of weight: an alert with several tactics is ambiguous.
        var weight = 1.0 / (BitOperations.PopCount(from) * BitOperations.PopCount(to));
        for (var f = from; f != 0; f &= f - 1)
        {
            var a = BitOperations.TrailingZeroCount(f);
            for (var t = to; t != 0; t &= t - 1)
            {
                var b = BitOperations.TrailingZeroCount(t);
                block[(KillChainPhases.Of(a) * KillChainPhases.Count) + KillChainPhases.Of(b)] += (float)weight;
                forward += b > a ? weight : 0;
                backward += b < a ? weight : 0;
            }
        }
    }

    private (UserAgentClass Class, uint Hash) ClassifyUserAgent(string userAgent)
    {
        // Classifying scans ~35 markers (microseconds for a long agent); a fleet uses few distinct agents, so remember them.
        if (_userAgents.TryGetValue(userAgent, out var known))
        {
            return known;
        }

        var result = (UserAgentClassifier.Classify(userAgent), StableHash.Fnv1a32(userAgent));

        // A counter, not ConcurrentDictionary.Count, which takes every lock; the bound is approximate under races.
        if (Volatile.Read(ref _cachedUserAgents) < MaxCachedUserAgents && _userAgents.TryAdd(userAgent, result))
        {
            Interlocked.Increment(ref _cachedUserAgents);
        }

        return result;
    }

    private uint TypeTokenHash(NormalizedAlert alert)
    {
        var index = (int)alert.Product;
        var prefix = (uint)index < (uint)_productPrefixHash.Length ? _productPrefixHash[index] : _unknownProductPrefixHash;

        // Continues the prefix's FNV-1a state, so this equals Fnv1a32(product + ":" + type, seed) without a concatenation.
        return StableHash.Fnv1a32(alert.Type, prefix ^ FnvOffset32);
    }

    private static string ProductName(AlertProduct product) =>
        Enum.IsDefined(product) ? product.ToString().ToLowerInvariant() : "unknown";

    private static int PrincipalTypeSlot(AlertSequence sequence)
    {
        var type = sequence.PrincipalType;
        if (string.Equals(type, PrincipalTypes.Unknown, StringComparison.Ordinal) && sequence.Alerts.Count > 0)
        {
            type = sequence.Alerts[0].PrincipalType;
        }

        var slot = Array.IndexOf(FeatureLayout.PrincipalTypeOrder, type);
        return slot >= 0 ? slot : FeatureLayout.PrincipalTypeOrder.Length - 1;
    }

    private static void L2Normalize(Span<float> block)
    {
        // Vectorized: these two blocks are 3/4 of the vector, and most of their slots are zero.
        var width = Vector<float>.Count;
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(block);
        var acc = Vector<float>.Zero;
        foreach (var v in vectors)
        {
            acc += v * v;
        }

        double sum = Vector.Sum(acc);
        for (var i = vectors.Length * width; i < block.Length; i++)
        {
            sum += block[i] * block[i];
        }

        if (sum > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(sum));
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] *= scale;
            }

            for (var i = vectors.Length * width; i < block.Length; i++)
            {
                block[i] *= scale;
            }
        }
    }

    /// <summary>How many distinct values <paramref name="values"/> holds (reorders it).</summary>
    internal static int CountDistinct(Span<uint> values)
    {
        if (values.Length <= 1)
        {
            return values.Length;
        }

        // A sequence has few distinct regions, services, addresses and clients: they are gathered at the front and each
        // new value is looked up among them (runs of one value cost one compare); past a few dozen, a sort counts them.
        const int MaxGathered = 64;
        var distinct = 1;
        var previous = values[0];
        var i = 1;
        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (v == previous)
            {
                continue;
            }

            previous = v;
            if (values[..distinct].Contains(v))
            {
                continue;
            }

            if (distinct == MaxGathered)
            {
                break;
            }

            values[distinct++] = v;
        }

        if (i == values.Length)
        {
            return distinct;
        }

        var rest = values[i..];
        rest.CopyTo(values[distinct..]);
        values = values[..(distinct + rest.Length)];
        values.Sort();
        var count = 1;
        for (var k = 1; k < values.Length; k++)
        {
            count += values[k] != values[k - 1] ? 1 : 0;
        }

        return count;
    }

    private static float Log1p(double x) => (float)Math.Log(1.0 + x);
}
