using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// <c>type: cluster</c> mounts read into <c>ClusterVolume</c> and <c>ClusterVolumeGroup</c>, round-tripping through
/// docker; what Docker refuses is refused at its line, and a volume's <c>x-cluster-spec</c>, which
/// <c>docker stack deploy</c> never reads, is listed as dropped at its line.
/// </summary>
[Trait("Category", "Import")]
public sealed class ClusterVolumeImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ClusterMounts_InBaseAndOverlay_RoundTripAsDslCalls()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", """
            services:
              db:
                image: postgres:16.4
                volumes:
                  - type: cluster
                    source: pgdata
                    target: /var/lib/postgresql/data
                  - type: cluster
                    source: group:pg-backup
                    target: /backup
                    read_only: true
                  - type: cluster
                    source: shared
                    target: /shared
            volumes:
              pgdata: {}
              shared:
                name: csi-shared
            """);
        var overlay = _folder.Write("in/docker-stack.prod.yml", """
            services:
              db:
                volumes:
                  - type: cluster
                    source: group:pg-prod
                    target: /var/lib/postgresql/data
                  - pgdata:/backup
            """);

        var code = RoundTrip.Check("db", baseFile, overlay);

        Assert.Contains(".ClusterVolume(Pgdata, \"/var/lib/postgresql/data\")", code, StringComparison.Ordinal);
        Assert.Contains(".ClusterVolumeGroup(\"pg-backup\", \"/backup\", readOnly: true)", code, StringComparison.Ordinal);
        Assert.Contains(".ClusterVolume(Shared, \"/shared\")", code, StringComparison.Ordinal);
        Assert.Contains(".ClusterVolumeGroup(\"pg-prod\", \"/var/lib/postgresql/data\")", code, StringComparison.Ordinal);
        Assert.Contains(".Volume(Pgdata, \"/backup\")", code, StringComparison.Ordinal);
    }

    [Fact]
    public void XClusterSpec_IsListedAsDroppedAtItsLine_AndTheMountImports()
    {
        var file = _folder.Write("in/docker-stack.yml", """
            services:
              db:
                image: postgres:16.4
                volumes:
                  - type: cluster
                    source: pgdata
                    target: /data
            volumes:
              pgdata:
                x-cluster-spec:
                  group: pg
                  access_mode:
                    scope: single
                    sharing: none
            """);
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        var output = Path.Combine(_folder.Path, "out", "Imported");
        var result = Tool.Run("import", file, "--name", "imported", "--output", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"dropped {file}(10): volumes.pgdata.x-cluster-spec: docker stack deploy creates no volume and never reads it", result.Output, StringComparison.Ordinal);
        var code = File.ReadAllText(Directory.GetFiles(output, "*.cs").Single());
        Assert.Contains(".ClusterVolume(Pgdata, \"/data\")", code, StringComparison.Ordinal);
        Assert.DoesNotContain("sharing", code, StringComparison.Ordinal);
    }

    private const string Service = "services:\n  app:\n    image: nginx:1.27\n    volumes:\n";

    // docker stack config accepts these; the Swarm converter refuses them at deploy (cli/compose/convert/volume.go).
    [Theory]
    [InlineData("      - type: cluster\n        target: /d\n", 5, "services.app.volumes[0]", "invalid cluster source")]
    [InlineData("      - type: cluster\n        source: 'group:'\n        target: /d\n", 6, "services.app.volumes[0].source", "without a group name")]
    [InlineData("      - type: cluster\n        source: /srv/data\n        target: /d\n", 6, "services.app.volumes[0].source", "undefined volume")]
    [InlineData("      - type: cluster\n        source: data\n        target: /d\n        volume:\n          nocopy: true\n", 8, "services.app.volumes[0].volume", "volume options on a mount of type cluster")]
    [InlineData("      - type: cluster\n        source: data\n        target: /d\n        tmpfs:\n          size: 1024\n", 8, "services.app.volumes[0].tmpfs", "tmpfs options on a mount of type cluster")]
    [InlineData("      - type: cluster\n        source: data\n        target: /d\n        bind:\n          propagation: shared\n", 8, "services.app.volumes[0].bind", "bind options on a mount of type cluster")]
    public void DockerRefusesAtDeploy_ImportRefuses(string mounts, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", Service + mounts + "volumes:\n  data: {}\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    [Fact]
    public void ClusterOptions_DockerRejects_ImportRefuses()
    {
        var file = _folder.Write("in/docker-stack.yml", Service + "      - type: cluster\n        source: data\n        target: /d\n        cluster: {}\nvolumes:\n  data: {}\n");
        Assert.Contains("Additional property cluster is not allowed", DockerCli.StackConfig(file).Error, StringComparison.Ordinal);

        ImportRefusal.Check(_folder, file, 8, "services.app.volumes[0].cluster", "Docker rejects it");
    }

    [Theory]
    [InlineData("      - type: cluster\n        source: ${PG_VOLUME:-data}\n        target: /d\n", 6, "services.app.volumes[0].source", "not through a variable")]
    [InlineData("      - type: cluster\n        source: group:group:pg\n        target: /d\n", 6, "services.app.volumes[0].source", "without the prefix")]
    public void SourceTheDslDoesNotName_ImportRefuses(string mounts, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", Service + mounts + "volumes:\n  data: {}\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }
}
