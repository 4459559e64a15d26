using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CstmML.Core.Alerts;
using CstmML.Features.Velocity;
using CstmML.Playbooks.Matching;

namespace CstmML.Scoring.Results;

/// <summary>
/// Writes a <see cref="ScoringResult"/> as the exact bytes of the source-generated <see cref="ScoringResultJsonContext"/>
/// contract (same property order and names, nulls omitted, the same number, date and string forms), straight into a
/// per-thread byte buffer: `cstm score` writes one line per sequence, and the serializer's per-property machinery and
/// the writer's per-value checks were a seventh of the scoring workers' CPU. Tests pin it byte for byte to the contract.
/// </summary>
public static class ScoringResultJsonWriter
{
    private const int InitialCapacity = 1 << 14;

    // Property names as `"name":` (each but the first of an object is preceded by a comma).
    private static readonly byte[] SequenceId = Name("sequence_id");
    private static readonly byte[] Account = Name("account");
    private static readonly byte[] Principal = Name("principal");
    private static readonly byte[] PrincipalType = Name("principal_type");
    private static readonly byte[] Start = Name("start");
    private static readonly byte[] End = Name("end");
    private static readonly byte[] AlertCount = Name("alert_count");
    private static readonly byte[] Techniques = Name("techniques");
    private static readonly byte[] TacticChain = Name("tactic_chain");
    private static readonly byte[] AlertIds = Name("alert_ids");
    private static readonly byte[] Velocity = Name("velocity");
    private static readonly byte[] Anomaly = Name("anomaly");
    private static readonly byte[] Actor = Name("actor");
    private static readonly byte[] Playbooks = Name("playbooks");
    private static readonly byte[] Volume = Name("volume");
    private static readonly byte[] Risk = Name("risk");
    private static readonly byte[] Model = Name("model");

    private static readonly byte[] EventsPerMinute = Name(VelocityJson.EventsPerMinute);
    private static readonly byte[] MedianGapSeconds = Name(VelocityJson.MedianGapSeconds);
    private static readonly byte[] MinimumGapSeconds = Name(VelocityJson.MinimumGapSeconds);
    private static readonly byte[] Burstiness = Name(VelocityJson.Burstiness);
    private static readonly byte[] Class = Name(VelocityJson.Class);

    private static readonly byte[] Score = Name("score");
    private static readonly byte[] Threshold = Name("threshold");
    private static readonly byte[] IsAnomalous = Name("is_anomalous");
    private static readonly byte[] Baseline = Name("baseline");
    private static readonly byte[] BaselineKey = Name("baseline_key");
    private static readonly byte[] MarkovSignal = Name("markov_signal");
    private static readonly byte[] MarkovTailProbability = Name("markov_tail_probability");
    private static readonly byte[] KMeansDistance = Name("k_means_distance");
    private static readonly byte[] KMeansTailProbability = Name("k_means_tail_probability");
    private static readonly byte[] TopNgrams = Name("top_ngrams");
    private static readonly byte[] RarestWindow = Name("rarest_window");
    private static readonly byte[] Tokens = Name("tokens");
    private static readonly byte[] MeanLogLikelihood = Name("mean_log_likelihood");
    private static readonly byte[] RarestWindowAlertIds = Name("rarest_window_alert_ids");
    private static readonly byte[] UnseenSteps = Name("unseen_steps");
    private static readonly byte[] UnseenTokens = Name("unseen_tokens");
    private static readonly byte[] Differences = Name("differences");

    private static readonly byte[] Label = Name("label");
    private static readonly byte[] Probability = Name("probability");
    private static readonly byte[] Abstained = Name("abstained");
    private static readonly byte[] AbstainReason = Name("abstain_reason");
    private static readonly byte[] CentroidDistance = Name("centroid_distance");
    private static readonly byte[] Candidates = Name("candidates");
    private static readonly byte[] Evidence = Name("evidence");

    private static readonly byte[] PlaybookId = Name(DetectionFields.PlaybookId);
    private static readonly byte[] Version = Name(DetectionFields.Version);
    private static readonly byte[] DetectionActor = Name(DetectionFields.Actor);
    private static readonly byte[] Severity = Name(DetectionFields.Severity);
    private static readonly byte[] GroupKey = Name(DetectionFields.GroupKey);
    private static readonly byte[] StepsMatched = Name(DetectionFields.StepsMatched);
    private static readonly byte[] StepsTotal = Name(DetectionFields.StepsTotal);
    private static readonly byte[] Minimum = Name(DetectionFields.Minimum);
    private static readonly byte[] Complete = Name(DetectionFields.Complete);
    private static readonly byte[] DetectionStart = Name(DetectionFields.Start);
    private static readonly byte[] DetectionEnd = Name(DetectionFields.End);
    private static readonly byte[] Steps = Name(DetectionFields.Steps);
    private static readonly byte[] MissingSteps = Name(DetectionFields.MissingSteps);
    private static readonly byte[] Attack = Name(DetectionFields.Attack);
    private static readonly byte[] StepName = Name(DetectionFields.Name);
    private static readonly byte[] StepAlertIds = Name(DetectionFields.AlertIds);
    private static readonly byte[] Matched = Name(DetectionFields.Matched);

    private static readonly byte[] Kind = Name("kind");
    private static readonly byte[] Scope = Name("scope");
    private static readonly byte[] Key = Name("key");
    private static readonly byte[] Tactic = Name("tactic");
    private static readonly byte[] HourStart = Name("hour_start");
    private static readonly byte[] Observed = Name("observed");
    private static readonly byte[] Expected = Name("expected");

    private static readonly byte[] Reasons = Name("reasons");
    private static readonly byte[] Code = Name("code");
    private static readonly byte[] Points = Name("points");
    private static readonly byte[] Text = Name("text");
    private static readonly byte[] ModelName = Name("name");

    private static readonly byte[][] VelocityClasses = EnumNames(ScoringResultJsonContext.Default.VelocityClass);
    private static readonly byte[][] BaselineLevels = EnumNames(ScoringResultJsonContext.Default.BaselineLevel);
    private static readonly byte[][] Severities = EnumNames(ScoringResultJsonContext.Default.PlaybookSeverity);

    [ThreadStatic]
    private static JsonLineBuffer? _buffer;

    /// <summary>One JSON Lines record: <paramref name="result"/> as UTF-8 JSON followed by a line feed, in a new array.</summary>
    public static byte[] ToJsonLine(ScoringResult result)
    {
        var buffer = Fill(result);
        buffer.Byte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="result"/> as one UTF-8 JSON object (no line feed) to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, ScoringResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Fill(result).Written);
    }

    private static JsonLineBuffer Fill(ScoringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var b = _buffer ??= new JsonLineBuffer(InitialCapacity);
        b.Clear();
        WriteResult(b, result);
        return b;
    }

    private static void WriteResult(JsonLineBuffer b, ScoringResult r)
    {
        var o = new JsonObjectScope(b);
        o.String(SequenceId, r.SequenceId);
        o.String(Account, r.Account);
        o.String(Principal, r.Principal);
        o.String(PrincipalType, r.PrincipalType);
        o.Name(Start).Date(r.Start);
        o.Name(End).Date(r.End);
        o.Name(AlertCount).Number(r.AlertCount);
        if (r.Techniques is { } techniques)
        {
            o.Name(Techniques);
            TechniqueList(b, techniques);
        }

        if (r.TacticChain is { } tactics)
        {
            o.Name(TacticChain).Byte((byte)'[');
            for (var i = 0; i < tactics.Count; i++)
            {
                Comma(b, i);
                b.String(tactics[i].Value);
            }

            b.Byte((byte)']');
        }

        o.Strings(AlertIds, r.AlertIds);
        if (r.Velocity is { } velocity)
        {
            o.Name(Velocity);
            WriteVelocity(b, velocity);
        }

        if (r.Anomaly is { } anomaly)
        {
            o.Name(Anomaly);
            WriteAnomaly(b, anomaly);
        }

        if (r.Actor is { } actor)
        {
            o.Name(Actor);
            WriteActor(b, actor);
        }

        if (r.Playbooks is { } playbooks)
        {
            o.Name(Playbooks);
            List(b, playbooks, WriteDetection);
        }

        if (r.Volume is { } volume)
        {
            o.Name(Volume);
            List(b, volume, WriteVolume);
        }

        if (r.Risk is { } risk)
        {
            o.Name(Risk);
            WriteRisk(b, risk);
        }

        if (r.Model is { } model)
        {
            var m = new JsonObjectScope(o.Name(Model));
            m.String(ModelName, model.Name);
            m.String(Version, model.Version);
            m.End();
        }

        o.End();
    }

    private static void WriteVelocity(JsonLineBuffer b, VelocityProfile v)
    {
        var o = new JsonObjectScope(b);
        o.Name(EventsPerMinute).Number(v.EventsPerMinute);
        o.Name(MedianGapSeconds).Number(v.MedianGapSeconds);
        o.Name(MinimumGapSeconds).Number(v.MinimumGapSeconds);
        o.Name(Burstiness).Number(v.Burstiness);
        o.Name(Class);
        Enum(b, VelocityClasses, v.Class, ScoringResultJsonContext.Default.VelocityClass);
        o.End();
    }

    private static void WriteAnomaly(JsonLineBuffer b, AnomalyResult a)
    {
        var o = new JsonObjectScope(b);
        o.Name(Score).Number(a.Score);
        o.Name(Threshold).Number(a.Threshold);
        o.Name(IsAnomalous).Bool(a.IsAnomalous);
        o.Name(Baseline);
        Enum(b, BaselineLevels, a.Baseline, ScoringResultJsonContext.Default.BaselineLevel);
        o.String(BaselineKey, a.BaselineKey);
        o.Name(MarkovSignal).Number(a.MarkovSignal);
        o.Name(MarkovTailProbability).Number(a.MarkovTailProbability);
        if (a.KMeansDistance is { } distance)
        {
            o.Name(KMeansDistance).Number(distance);
        }

        if (a.KMeansTailProbability is { } tail)
        {
            o.Name(KMeansTailProbability).Number(tail);
        }

        o.Strings(TopNgrams, a.TopNgrams);
        if (a.RarestWindow is { } window)
        {
            var w = new JsonObjectScope(o.Name(RarestWindow));
            w.Name(Start).Number(window.Start);
            w.Strings(Tokens, window.Tokens);
            w.Name(MeanLogLikelihood).Number(window.MeanLogLikelihood);
            w.End();
        }

        o.Strings(RarestWindowAlertIds, a.RarestWindowAlertIds);
        o.Name(UnseenSteps).Number(a.UnseenSteps);
        o.Strings(UnseenTokens, a.UnseenTokens);
        o.Strings(Differences, a.Differences);
        o.End();
    }

    private static void WriteActor(JsonLineBuffer b, ActorResult a)
    {
        var o = new JsonObjectScope(b);
        o.String(Label, a.Label);
        o.Name(Probability).Number(a.Probability);
        o.Name(Abstained).Bool(a.Abstained);
        o.String(AbstainReason, a.AbstainReason);
        o.Name(CentroidDistance).Number(a.CentroidDistance);
        if (a.Candidates is { } candidates)
        {
            o.Name(Candidates);
            List(b, candidates, static (b, c) =>
            {
                var co = new JsonObjectScope(b);
                co.String(Label, c.Label);
                co.Name(Probability).Number(c.Probability);
                co.Strings(Evidence, c.Evidence);
                co.End();
            });
        }

        o.End();
    }

    private static void WriteDetection(JsonLineBuffer b, PlaybookDetection d)
    {
        var o = new JsonObjectScope(b);
        o.String(PlaybookId, d.PlaybookId);
        o.Name(Version).Number(d.Version);
        o.String(DetectionActor, d.Actor);
        o.Name(Severity);
        Enum(b, Severities, d.Severity, ScoringResultJsonContext.Default.PlaybookSeverity);
        o.String(GroupKey, d.GroupKey);
        o.Name(StepsMatched).Number(d.StepsMatched);
        o.Name(StepsTotal).Number(d.StepsTotal);
        o.Name(Minimum).Number(d.Minimum);
        o.Name(Complete).Bool(d.Complete);
        o.Name(DetectionStart).Date(d.Start);
        o.Name(DetectionEnd).Date(d.End);
        if (d.Steps is { } steps)
        {
            o.Name(Steps);
            List(b, steps, static (b, s) =>
            {
                var so = new JsonObjectScope(b);
                so.String(StepName, s.Name);
                so.Strings(StepAlertIds, s.AlertIds);
                so.Name(Matched).Bool(s.Matched);
                so.End();
            });
        }

        o.Strings(MissingSteps, d.MissingSteps);
        if (d.Attack is { } attack)
        {
            o.Name(Attack);
            TechniqueList(b, attack);
        }

        o.End();
    }

    private static void WriteVolume(JsonLineBuffer b, VolumeFinding v)
    {
        var o = new JsonObjectScope(b);
        o.String(Kind, v.Kind);
        o.String(Scope, v.Scope);
        o.String(Key, v.Key);
        o.String(Tactic, v.Tactic);
        o.Name(HourStart).Date(v.HourStart);
        o.Name(Observed).Number(v.Observed);
        o.Name(Expected).Number(v.Expected);
        o.Name(Score).Number(v.Score);
        o.End();
    }

    private static void WriteRisk(JsonLineBuffer b, RiskResult r)
    {
        var o = new JsonObjectScope(b);
        o.Name(Score).Number(r.Score);
        if (r.Reasons is { } reasons)
        {
            o.Name(Reasons);
            List(b, reasons, static (b, reason) =>
            {
                var ro = new JsonObjectScope(b);
                ro.String(Code, reason.Code);
                ro.Name(Points).Number(reason.Points);
                ro.String(Text, reason.Text);
                ro.End();
            });
        }

        o.End();
    }

    private static void TechniqueList(JsonLineBuffer b, IReadOnlyList<TechniqueId> techniques)
    {
        b.Byte((byte)'[');
        for (var i = 0; i < techniques.Count; i++)
        {
            Comma(b, i);
            b.String(techniques[i].Value);
        }

        b.Byte((byte)']');
    }

    // A list of objects; a null element is written as null, as the contract does.
    private static void List<T>(JsonLineBuffer b, IReadOnlyList<T?> items, Action<JsonLineBuffer, T> write)
        where T : class
    {
        b.Byte((byte)'[');
        for (var i = 0; i < items.Count; i++)
        {
            Comma(b, i);
            if (items[i] is { } item)
            {
                write(b, item);
            }
            else
            {
                b.Null();
            }
        }

        b.Byte((byte)']');
    }

    private static void Comma(JsonLineBuffer b, int index)
    {
        if (index > 0)
        {
            b.Byte((byte)',');
        }
    }

    private static void Enum<T>(JsonLineBuffer b, byte[][] names, T value, JsonTypeInfo<T> typeInfo)
        where T : struct, Enum
    {
        var i = System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value);
        if ((uint)i < (uint)names.Length)
        {
            b.Raw(names[i]);
        }
        else
        {
            b.Through(w => JsonSerializer.Serialize(w, value, typeInfo));
        }
    }

    // Contract names are plain snake_case ASCII: nothing to escape.
    private static byte[] Name(string name) => Encoding.UTF8.GetBytes("\"" + name + "\":");

    // The bytes the contract writes for each value 0..n-1 of an int enum whose values are exactly 0..n-1 (else none: all go through the contract).
    private static byte[][] EnumNames<T>(JsonTypeInfo<T> typeInfo)
        where T : struct, Enum
    {
        var values = System.Enum.GetValues<T>();
        if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != sizeof(int))
        {
            return [];
        }

        var names = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            if (System.Runtime.CompilerServices.Unsafe.As<T, int>(ref values[i]) != i)
            {
                return [];
            }

            names[i] = JsonSerializer.SerializeToUtf8Bytes(values[i], typeInfo);
        }

        return names;
    }
}
