using System.Text.Json;
using Iklim.StackSdk.Building;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// A cluster (CSI) mount through <c>docker stack deploy</c> on a real Swarm. Cluster volumes came with Docker Engine
/// 23.0 (API 1.42): an older engine, such as Debian 12's 20.10.24 that this machine's fixture runs, refuses the
/// service (<c>invalid MountType: "cluster"</c>, measured). On 23.0 and later the service spec's mount is
/// <c>Type: cluster</c> with the stack-scoped volume name and a group's source unscoped, and without a CSI plugin
/// the task cannot start (that branch is not measured here: no such engine is served to this machine).
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class ClusterVolumeSwarmTests
{
    private const string Stack = "csi";
    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public ClusterVolumeSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void ClusterMount_IsTypeClusterWithTheScopedSource_AndItsTaskWaitsForTheVolume()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var builder = new StackBuilder(Stack, "docker-stack.yml");
        builder.Volume("pgdata");
        builder.Service("db").Image("iklim/mount:1").Replicas(1).StopGracePeriod("1s")
            .Command("sh", "-c", Placeholder.Sleeper)
            .ClusterVolume("pgdata", "/data")
            .ClusterVolumeGroup("pg", "/group", readOnly: true);
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        var model = result.Model;

        _swarm.Prepare(model);
        try
        {
            var engine = _swarm.Docker.Check("version", "--format", "{{.Server.Version}}").Trim();
            _output.WriteLine("engine: " + engine);
            var deployed = _swarm.Deploy(model, model.BaseFile, _output);
            if (int.Parse(engine.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) < 23)
            {
                Assert.False(deployed.Ok, "an engine before 23.0 took a cluster mount: " + deployed);
                Assert.Contains("failed to create service csi_db: Error response from daemon: invalid MountType: \"cluster\"", deployed.ToString(), StringComparison.Ordinal);
                return;
            }

            Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);
            var mountsJson = _swarm.Docker.Check("service", "inspect", Stack + "_db", "--format", "{{json .Spec.TaskTemplate.ContainerSpec.Mounts}}");
            _output.WriteLine("service mounts: " + mountsJson);
            using var mounts = JsonDocument.Parse(mountsJson);
            JsonElement Mount(string target) => mounts.RootElement.EnumerateArray().Single(m => m.GetProperty("Target").GetString() == target);
            Assert.Equal("cluster", Mount("/data").GetProperty("Type").GetString());
            Assert.Equal(Stack + "_pgdata", Mount("/data").GetProperty("Source").GetString());
            Assert.Equal("cluster", Mount("/group").GetProperty("Type").GetString());
            Assert.Equal("group:pg", Mount("/group").GetProperty("Source").GetString());
            Assert.True(Mount("/group").GetProperty("ReadOnly").GetBoolean());

            // No CSI plugin and no cluster volume of that name: the task never gets a container.
            Thread.Sleep(TimeSpan.FromSeconds(10));
            _output.WriteLine("tasks: " + _swarm.Docker.Run("service", "ps", Stack + "_db", "--no-trunc").StdOut);
            Assert.Empty(_swarm.Docker.Check("ps", "-aq", "--filter", "label=com.docker.swarm.service.name=" + Stack + "_db").Trim());
        }
        finally
        {
            _swarm.RemoveStack(Stack);
        }
    }
}
