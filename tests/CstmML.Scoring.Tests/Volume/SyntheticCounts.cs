namespace CstmML.Scoring.Tests.Volume;

/// <summary>Seeded synthetic hourly alert counts: a weekly office rhythm with Poisson noise, plus injected events.</summary>
internal static class SyntheticCounts
{
    /// <summary>A Monday, 00:00 UTC: hour 0 of every synthetic series.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Weekdays 09-18 busy (20/h), other weekday hours 3/h, weekends 1/h.</summary>
    public static double WeeklyRate(int hour)
    {
        var day = hour / 24 % 7; // 0 = Monday
        var hourOfDay = hour % 24;
        return day >= 5 ? 1 : hourOfDay is >= 9 and < 18 ? 20 : 3;
    }

    /// <summary>Days 09-18 busy (15/h), nights 2/h, every day alike.</summary>
    public static double DailyRate(int hour) => hour % 24 is >= 9 and < 18 ? 15 : 2;

    /// <summary>Poisson counts of <paramref name="rate"/>(hour) for <paramref name="hours"/> hours.</summary>
    public static int[] Series(int hours, int seed, Func<int, double> rate)
    {
        var rng = new Random(seed);
        var counts = new int[hours];
        for (var h = 0; h < hours; h++)
        {
            counts[h] = Poisson(rng, rate(h));
        }

        return counts;
    }

    // Knuth's method: fine for the small rates used here.
    private static int Poisson(Random rng, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }
}
