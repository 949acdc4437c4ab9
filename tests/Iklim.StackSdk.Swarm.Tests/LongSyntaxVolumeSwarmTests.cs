using System.Text.Json;
using Iklim.StackSdk.Building;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// The long-only mount options reach the task through <c>docker stack deploy</c> on a real Swarm: the service spec
/// carries <c>TmpfsOptions.SizeBytes</c>, a read-only tmpfs's <c>ReadOnly</c>, <c>BindOptions.Propagation</c> and
/// <c>VolumeOptions.NoCopy</c>, and the running container has the tmpfs at that size, the read-only one mounted
/// <c>ro</c> (a write fails) and the bind with that propagation.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class LongSyntaxVolumeSwarmTests
{
    private const string Stack = "mounts";

    // The fixture creates this bind source and removes it at teardown. The node's / is a private mount, and Docker
    // refuses a shared or slave propagation over a private one at task start, so the test sets the other non-default.
    private const string BindSource = "/srv/iklim-swarm-mounts/host";
    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public LongSyntaxVolumeSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void TmpfsSize_ReadOnlyTmpfs_BindPropagation_AndNocopy_ReachTheTask()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var builder = new StackBuilder(Stack, "docker-stack.yml");
        builder.Volume("data");
        builder.Service("mount").Image("iklim/mount:1").Replicas(1).StopGracePeriod("1s")
            .Command("sh", "-c", Placeholder.Sleeper)
            .Tmpfs("/scratch", size: 1024 * 1024)
            .Tmpfs("/empty", readOnly: true)
            .Bind(BindSource, "/host", propagation: BindPropagation.Private)
            .Volume("data", "/data", noCopy: true);
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        var model = result.Model;

        _swarm.Prepare(model);
        try
        {
            var deployed = _swarm.Deploy(model, model.BaseFile, _output);
            Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);

            var mountsJson = _swarm.Docker.Check("service", "inspect", Stack + "_mount", "--format", "{{json .Spec.TaskTemplate.ContainerSpec.Mounts}}");
            _output.WriteLine("service mounts: " + mountsJson);
            using var mounts = JsonDocument.Parse(mountsJson);
            JsonElement Mount(string target) => mounts.RootElement.EnumerateArray().Single(m => m.GetProperty("Target").GetString() == target);
            Assert.Equal("tmpfs", Mount("/scratch").GetProperty("Type").GetString());
            Assert.Equal(1048576, Mount("/scratch").GetProperty("TmpfsOptions").GetProperty("SizeBytes").GetInt64());
            Assert.False(Mount("/scratch").TryGetProperty("ReadOnly", out var writable) && writable.GetBoolean());
            Assert.Equal("tmpfs", Mount("/empty").GetProperty("Type").GetString());
            Assert.True(Mount("/empty").GetProperty("ReadOnly").GetBoolean());
            Assert.Equal("bind", Mount("/host").GetProperty("Type").GetString());
            Assert.Equal("private", Mount("/host").GetProperty("BindOptions").GetProperty("Propagation").GetString());
            Assert.Equal("volume", Mount("/data").GetProperty("Type").GetString());
            Assert.True(Mount("/data").GetProperty("VolumeOptions").GetProperty("NoCopy").GetBoolean());

            // The running task, as the engine made it.
            string? containerId = null;
            Assert.True(
                Poll.Try(() => (containerId = _swarm.Docker.Check("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + Stack + "_mount").Trim()).Length > 0, TimeSpan.FromSeconds(60)),
                "the task's container did not start within 60 s: " + _swarm.Docker.Run("service", "ps", Stack + "_mount", "--no-trunc"));
            var id = containerId!.Split('\n')[0];
            using var container = JsonDocument.Parse(_swarm.Docker.Check("inspect", id, "--format", "{{json .Mounts}}"));
            var bind = container.RootElement.EnumerateArray().Single(m => m.GetProperty("Destination").GetString() == "/host");
            Assert.Equal("private", bind.GetProperty("Propagation").GetString());
            var procMounts = _swarm.Docker.Check("exec", id, "cat", "/proc/mounts").Split('\n');
            var tmpfs = procMounts.Single(l => l.Split(' ') is [_, "/scratch", ..]);
            _output.WriteLine("task /proc/mounts: " + tmpfs);
            Assert.StartsWith("tmpfs /scratch tmpfs rw,", tmpfs, StringComparison.Ordinal);
            Assert.Contains("size=1024k", tmpfs, StringComparison.Ordinal);
            var empty = procMounts.Single(l => l.Split(' ') is [_, "/empty", ..]);
            _output.WriteLine("task /proc/mounts: " + empty);
            Assert.StartsWith("tmpfs /empty tmpfs ro,", empty, StringComparison.Ordinal);
            var write = _swarm.Docker.Run("exec", id, "sh", "-c", "echo x > /empty/f");
            Assert.False(write.Ok, "a write to the read-only tmpfs succeeded");
            Assert.Contains("Read-only file system", write.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            _swarm.RemoveStack(Stack);
        }
    }
}
