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

    [Theory]
    [InlineData(476)]
    [InlineData(13)]
    [InlineData(3)]
    public void NearestDistance_CentroidsDifferingInTheLastValue_ExactlyTheBruteForceMinimum(int dimension)
    {
        // Near ties: every centroid equals a base vector except its last value, so only the final terms decide, and
        // the vector bound that skips far centroids must never skip the nearest one.
        var random = new Random(dimension);
        var baseVector = Enumerable.Range(0, dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var centroids = Enumerable.Range(0, 9).Select(k =>
        {
            var c = (float[])baseVector.Clone();
            c[^1] += k * 1e-6f;
            return c;
        }).ToArray();
        var model = new ActorCentroids([.. Enumerable.Range(0, 9).Select(i => $"c{i}")], centroids);
        for (var k = 0; k < 40; k++)
        {
            var x = (float[])baseVector.Clone();
            x[^1] += (float)(random.NextDouble() * 9e-6);
            x[0] += (float)(random.NextDouble() * 1e-7);

            Assert.Equal(Math.Sqrt(centroids.Min(c => Exact(x, c))), model.NearestDistance(x, k % 9));
        }
    }

    [Fact]
    public void IsCertainlyFarther_BestAtOrAboveTheExactDistance_False()
    {
        var random = new Random(4);
        for (var k = 0; k < 200; k++)
        {
            var x = Enumerable.Range(0, 50 + k).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            var c = Enumerable.Range(0, 50 + k).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            var exact = Exact(x, c);

            Assert.False(ActorCentroids.IsCertainlyFarther(x, c, exact));
            Assert.False(ActorCentroids.IsCertainlyFarther(x, c, exact * (1 + 1e-12)));
            Assert.True(ActorCentroids.IsCertainlyFarther(x, c, exact * 0.999));
        }
    }

    private static double Exact(float[] x, float[] c)
    {
        var d = 0.0;
        for (var i = 0; i < c.Length; i++)
        {
            var diff = (double)x[i] - c[i];
            d += diff * diff;
        }

        return d;
    }

    [Fact]
    public void IndexOf_KnownAndUnknownLabel_IndexOrZero()
    {
        var centroids = new ActorCentroids(["a", "b"], [[0f], [1f]]);

        Assert.Equal(1, centroids.IndexOf("b"));
        Assert.Equal(0, centroids.IndexOf("zzz"));
    }
}
