using System.Diagnostics;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>Median wall-clock time of a few runs, for the harnesses that time things BenchmarkDotNet cannot (processes).</summary>
internal static class Timing
{
    public static double MedianMilliseconds(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>The median of <paramref name="runs"/> runs of <paramref name="action"/>, each on a value <paramref name="setup"/> made outside the measurement.</summary>
    public static double MedianMilliseconds<T>(int runs, Func<T> setup, Action<T> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var input = setup();
            var watch = Stopwatch.StartNew();
            action(input);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    public static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
