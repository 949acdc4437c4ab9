using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// Few iterations, in process: the whole suite runs in minutes. Enough to see a quadratic stage; not a
/// substitute for a quiet machine.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("ShortInProcess"));
    }
}
