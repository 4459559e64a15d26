using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Export;

/// <summary>
/// SHA-256 over the training rows sorted by sequence id: labels, role, features (IEEE bits) and each alert's id, time,
/// product and type. The same rows in any order give the same hash.
/// </summary>
internal static class TrainingDataHash
{
    public static string Compute(IEnumerable<LabelledSequence> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> four = stackalloc byte[4];
        foreach (var r in rows.OrderBy(r => r.Sequence.SequenceId, StringComparer.Ordinal))
        {
            Text(hash, r.Sequence.SequenceId);
            Text(hash, r.Actor ?? "\u0001");
            Text(hash, r.IncidentId ?? "\u0001");
            Text(hash, r.CampaignId ?? "\u0001");
            Text(hash, r.Role);
            foreach (var f in r.Features)
            {
                BinaryPrimitives.WriteSingleLittleEndian(four, f);
                hash.AppendData(four);
            }

            foreach (var a in r.Sequence.Alerts)
            {
                Text(hash, a.Id);
                Text(hash, a.Time.UtcTicks.ToString(CultureInfo.InvariantCulture));
                Text(hash, a.Product.ToString());
                Text(hash, a.Type);
                Text(hash, string.Join(',', a.Techniques.Select(t => t.Value)));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Text(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
