using System.Collections.Concurrent;
using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Tests.Support;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// The merge-property generator's random stacks, written as compose files (base and one overlay per profile), then
/// imported and round-tripped: <c>IKLIM_IMPORT_STACKS</c> stacks (200 by default) from seed <c>IKLIM_IMPORT_SEED</c>.
/// </summary>
public sealed class GeneratedStackRoundTripTests
{
    private readonly ITestOutputHelper _output;

    public GeneratedStackRoundTripTests(ITestOutputHelper output) => _output = output;

    [Fact]
    [Trait("Category", "Property")]
    public void GeneratedStacks_ImportRoundTrips()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("IKLIM_IMPORT_STACKS"), out var c) ? c : 200;
        var firstSeed = int.TryParse(Environment.GetEnvironmentVariable("IKLIM_IMPORT_SEED"), out var s) ? s : 20261201;
        var failures = new ConcurrentBag<string>();
        var profiles = 0;
        var refused = 0;
        using var folder = new TempFolder();
        RandomStacks.WriteEnvFiles(folder.Path);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Every stack the SDK accepts must round-trip. One it rejects (IKS0004: a profile change Docker's merge cannot
        // express) has files that may still import; when import refuses them it must say where, and it does not count.
        var refusals = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var seeds = Enumerable.Range(firstSeed, count * 3).ToList();
        var imported = 0;
        Parallel.ForEach(seeds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, (seed, loop) =>
        {
            if (Volatile.Read(ref imported) >= count)
            {
                loop.Stop();
                return;
            }

            var built = RandomStacks.Build(seed);
            var model = built.Model;
            var baseFile = folder.Write($"{seed}/docker-stack.yml", ComposeFileEmitter.Emit(model.Base));
            var overlays = model.Profiles
                .Select(p => folder.Write($"{seed}/docker-stack.{p.Name}.yml", ComposeFileEmitter.Emit(OverlayPlanner.Plan(model.Base, p).Overlay)))
                .ToArray();
            try
            {
                RoundTrip.Check("stack" + seed, baseFile, overlays);
                Interlocked.Add(ref profiles, overlays.Length);
                Interlocked.Increment(ref imported);
            }
            catch (Exception e) when (built.Findings.Any(f => f.Severity == Building.FindingSeverity.Error) && e.Message.StartsWith("import refused: ", StringComparison.Ordinal) && e.Message.Contains("): error: ", StringComparison.Ordinal))
            {
                var problem = e.Message.Substring(e.Message.IndexOf("): error: ", StringComparison.Ordinal) + 10);
                refusals[problem.Substring(problem.IndexOf(": ", StringComparison.Ordinal) + 2).Split(':')[0]] = seed;
                Interlocked.Increment(ref refused);
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed} (rerun: IKLIM_IMPORT_SEED={seed} IKLIM_IMPORT_STACKS=1): {e.Message}");
            }
        });

        foreach (var refusal in refusals.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"refused (the SDK rejects the stack too), e.g. seed {refusal.Value}: {refusal.Key}");
        }

        _output.WriteLine($"{imported} generated stacks from seed {firstSeed} imported and round-tripped through docker ({profiles} overlays), {refused} refused (stacks the SDK rejects too), in {watch.Elapsed.TotalSeconds:F1} s, {failures.Count} failures");
        if (!failures.IsEmpty)
        {
            Assert.Fail($"{failures.Count} failures; first:\n{failures.OrderBy(f => f, StringComparer.Ordinal).First()}");
        }

        Assert.True(imported >= count, $"only {imported} of {count} stacks could be round-tripped");
    }
}
