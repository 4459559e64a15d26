namespace CstmML.Host.Tests.TestSupport;

/// <summary>A clock whose timestamp moves forward by a fixed step each time it is read (for loops bounded by elapsed time).</summary>
internal sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
