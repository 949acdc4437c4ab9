using BenchmarkDotNet.Running;
using Iklim.StackSdk.Benchmarks;

if (args.Length > 0 && args[0] == "side-by-side")
{
    return SideBySide.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "idiomatic")
{
    return IdiomaticComparison.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "targets")
{
    return Targets.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "alloc")
{
    return AllocationStages.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "profile")
{
    return ProfileLoop.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "stages")
{
    return StageTimings.Run(args.Skip(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(args);
return 0;
