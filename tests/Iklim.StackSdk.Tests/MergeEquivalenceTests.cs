using System.Collections.Concurrent;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Tests.Support;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The property the overlay emitter promises: for every profile, <c>docker stack config -c base -c overlay</c>
/// equals the profile's effective model written as one file, both normalised by docker. Checked on seeded random
/// stacks; the number of stacks is <c>IKLIM_MERGE_STACKS</c> (default 200), the first seed <c>IKLIM_MERGE_SEED</c>.
/// </summary>
public sealed class MergeEquivalenceTests
{
    private readonly ITestOutputHelper _output;

    public MergeEquivalenceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    [Trait("Category", "Property")]
    public void GeneratedStacks_DockerMergeEqualsEffectiveModel()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("IKLIM_MERGE_STACKS"), out var c) ? c : 200;
        var firstSeed = int.TryParse(Environment.GetEnvironmentVariable("IKLIM_MERGE_SEED"), out var s) ? s : 20261126;
        var mismatches = new ConcurrentBag<string>();
        var checkedProfiles = 0;
        var checkedStacks = 0;
        using var folder = new TempFolder();
        // Each stack's files are in {seed}/: the folder above is the project, which holds the env files.
        RandomStacks.WriteEnvFiles(folder.Path);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var seed = firstSeed + i;
            var model = RandomStacks.Build(seed).Model;
            Interlocked.Increment(ref checkedStacks);
            var baseFile = folder.Write($"{seed}/base.yml", ComposeFileEmitter.Emit(model.Base));
            foreach (var profile in model.Profiles)
            {
                var plan = OverlayPlanner.Plan(model.Base, profile);
                var overlayFile = folder.Write($"{seed}/{profile.Name}.yml", ComposeFileEmitter.Emit(plan.Overlay));
                var effectiveFile = folder.Write($"{seed}/{profile.Name}.effective.yml", ComposeFileEmitter.Emit(plan.Effective));
                var merged = DockerCli.StackConfig(baseFile, overlayFile);
                var effective = DockerCli.StackConfig(effectiveFile);
                Interlocked.Increment(ref checkedProfiles);
                if (merged.ExitCode != 0 || effective.ExitCode != 0 || merged.Output != effective.Output)
                {
                    mismatches.Add($"seed {seed} profile {profile.Name} (rerun: IKLIM_MERGE_SEED={seed} IKLIM_MERGE_STACKS=1):\n"
                        + $"merged rc={merged.ExitCode} {merged.Error}\neffective rc={effective.ExitCode} {effective.Error}\n"
                        + Diff(merged.Output, effective.Output) + "\n--- base\n" + File.ReadAllText(baseFile) + "\n--- overlay\n" + File.ReadAllText(overlayFile));
                }
            }
        });

        foreach (var mismatch in mismatches.OrderBy(m => m, StringComparer.Ordinal))
        {
            _output.WriteLine(string.Join("\n", mismatch.Split('\n').Take(6)));
        }

        _output.WriteLine($"{count} stacks from seed {firstSeed}, {checkedProfiles} profiles checked against docker in {watch.Elapsed.TotalSeconds:F1} s, {mismatches.Count} mismatches");
        if (!mismatches.IsEmpty)
        {
            Assert.Fail($"{mismatches.Count} mismatches; first:\n{mismatches.OrderBy(m => m, StringComparer.Ordinal).First()}");
        }

        Assert.Equal(count, checkedStacks);
    }

    [Fact]
    public void Generator_SetsEveryEmittedKey_InBaseAndInOverlays()
    {
        var inBase = new HashSet<string>(StringComparer.Ordinal);
        var inOverlay = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 20261126; seed < 20261126 + 200; seed++)
        {
            var model = RandomStacks.Build(seed).Model;
            var overlays = model.Profiles.SelectMany(p => OverlayPlanner.Plan(model.Base, p).Overlay.Services);
            // generic_resources is a part of deploy.resources that Docker appends rather than replaces.
            Mark(inBase, model.Base.Services);
            Mark(inOverlay, overlays);
            foreach (var key in ServiceKeys.All.Where(k => k.Path is not null))
            {
                if (model.Base.Services.Any(s => key.Emit(s) is not null))
                {
                    inBase.Add(key.Path!);
                }

                if (overlays.Any(s => key.Emit(s) is not null))
                {
                    inOverlay.Add(key.Path!);
                }
            }
        }

        var all = ServiceKeys.All.Where(k => k.Path is not null).Select(k => k.Path!).ToList();
        Assert.Empty(all.Except(inBase));
        Assert.Empty(all.Except(inOverlay));
        Assert.Equal(new[] { true, true }, new[] { inBase, inOverlay }.Select(keys => keys.Contains(GenericResources)));

        // Parts of volumes the key table does not list apart: a cluster volume, a volume group and a named pipe, each in base and overlay.
        Assert.Equal(new[] { true, true, true, true, true, true }, new[] { inBase, inOverlay }.SelectMany(keys => new[] { keys.Contains(ClusterVolume), keys.Contains(ClusterVolumeGroup), keys.Contains(NamedPipe) }));
    }

    private const string GenericResources = "deploy.resources.reservations.generic_resources";

    private const string ClusterVolume = "volumes[].type: cluster";

    private const string ClusterVolumeGroup = "volumes[].type: cluster, source: group:";

    private const string NamedPipe = "volumes[].type: npipe";

    private static void Mark(HashSet<string> keys, IEnumerable<ServiceSpec> services)
    {
        if (services.Any(s => s.Resources?.Reservations?.GenericResources.IsEmpty == false))
        {
            keys.Add(GenericResources);
        }

        var clusterSources = services.SelectMany(s => s.Volumes).Where(v => v.Type == MountType.Cluster).Select(v => v.Source).ToList();
        if (clusterSources.Any(source => !source.StartsWith("group:", StringComparison.Ordinal)))
        {
            keys.Add(ClusterVolume);
        }

        if (clusterSources.Any(source => source.StartsWith("group:", StringComparison.Ordinal)))
        {
            keys.Add(ClusterVolumeGroup);
        }

        if (services.SelectMany(s => s.Volumes).Any(v => v.Type == MountType.Npipe))
        {
            keys.Add(NamedPipe);
        }
    }

    private static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end>";
            var r = i < right.Length ? right[i] : "<end>";
            if (l != r)
            {
                return $"first difference at line {i + 1}:\n  docker merge: {l}\n  effective:    {r}";
            }
        }

        return "outputs equal";
    }
}
