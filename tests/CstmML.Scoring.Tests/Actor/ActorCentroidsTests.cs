using CstmML.Scoring.Actor;

namespace CstmML.Scoring.Tests.Actor;

public class ActorCentroidsTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(3, 8)]
    public void NearestDistance_AnyStartingCentroid_ExactlyTheBruteForceMinimum(int seed, int first)
    {
        var random = new Random(seed);
        float[] Vector() => [.. Enumerable.Range(0, 100).Select(_ => (float)(random.NextDouble() * 4 - 2))];
        var centroids = new ActorCentroids([.. Enumerable.Range(0, 9).Select(i => $"c{i}")], [.. Enumerable.Range(0, 9).Select(_ => Vector())]);
        for (var k = 0; k < 50; k++)
        {
            var x = Vector();
            var expected = double.PositiveInfinity;
            foreach (var c in centroids.Centroids)
            {
                var d = 0.0;
                for (var i = 0; i < c.Length; i++)
                {
                    var diff = (double)x[i] - c[i];
                    d += diff * diff;
                }

                expected = Math.Min(expected, d);
            }

            Assert.Equal(Math.Sqrt(expected), centroids.NearestDistance(x, first));
        }
    }

    [Fact]
    public void IndexOf_KnownAndUnknownLabel_IndexOrZero()
    {
        var centroids = new ActorCentroids(["a", "b"], [[0f], [1f]]);

        Assert.Equal(1, centroids.IndexOf("b"));
        Assert.Equal(0, centroids.IndexOf("zzz"));
    }
}
