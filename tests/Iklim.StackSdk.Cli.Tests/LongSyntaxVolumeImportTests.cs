using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// Long-syntax service mounts read into <c>Volume(..., noCopy:)</c>, <c>Bind(..., propagation:)</c> and
/// <c>Tmpfs(target, size:, readOnly:)</c>, round-tripping through docker; what Docker refuses (at parse or at deploy) or drops
/// for Swarm is refused at its line.
/// </summary>
[Trait("Category", "Import")]
public sealed class LongSyntaxVolumeImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The mounts of the proxy service in chilla55/docker-images, go-proxy/docker-compose.swarm.yml (commit 0059c54):
    // three binds with propagation rslave (two read-only) and a long-syntax named volume, under version 3.8.
    private const string GoProxyMounts = """
        version: '3.8'
        services:
          proxy:
            image: ghcr.io/chilla55/go-proxy:nightly
            volumes:
              - type: bind
                source: /mnt/storagebox/certs
                target: /etc/proxy/certs
                read_only: true
                bind:
                  propagation: rslave
              - type: bind
                source: /mnt/storagebox/sites
                target: /etc/proxy/sites-available
                read_only: true
                bind:
                  propagation: rslave
              - type: volume
                source: proxy-data
                target: /data
              - type: bind
                source: /mnt/storagebox/backups/proxy
                target: /mnt/storagebox/backups/proxy
                bind:
                  propagation: rslave
        volumes:
          proxy-data:
        """;

    [Fact]
    public void RealFile_BindPropagation_RoundTripsAsDslCalls()
    {
        var code = RoundTrip.Check("proxy", _folder.Write("in/docker-compose.swarm.yml", GoProxyMounts));

        Assert.Contains(".Bind(\"/mnt/storagebox/certs\", \"/etc/proxy/certs\", readOnly: true, propagation: BindPropagation.Rslave)", code, StringComparison.Ordinal);
        Assert.Contains(".Bind(\"/mnt/storagebox/backups/proxy\", \"/mnt/storagebox/backups/proxy\", propagation: BindPropagation.Rslave)", code, StringComparison.Ordinal);
        Assert.Contains(".Volume(ProxyData, \"/data\")", code, StringComparison.Ordinal);
    }

    [Fact]
    public void TmpfsAndNocopy_InBaseAndOverlay_RoundTrip()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", """
            services:
              app:
                image: nginx:1.27.2-alpine
                volumes:
                  - type: tmpfs
                    target: /tmp
                    tmpfs:
                      size: 67108864
                  - type: tmpfs
                    target: /run/cache
                  - type: tmpfs
                    target: /run/empty
                    read_only: true
                  - type: volume
                    source: data
                    target: /data
                    read_only: true
                    volume:
                      nocopy: true
                  - type: bind
                    source: ./static
                    target: /static
                    bind:
                      propagation: shared
            volumes:
              data: {}
            """);
        var overlay = _folder.Write("in/docker-stack.prod.yml", """
            services:
              app:
                volumes:
                  - type: tmpfs
                    target: /tmp
                    read_only: true
                    tmpfs:
                      size: 1024
                  - type: volume
                    source: data
                    target: /data
            """);

        var code = RoundTrip.Check("app", baseFile, overlay);

        Assert.Contains(".Tmpfs(\"/tmp\", size: 67108864)", code, StringComparison.Ordinal);
        Assert.Contains(".Tmpfs(\"/run/cache\")", code, StringComparison.Ordinal);
        Assert.Contains(".Volume(Data, \"/data\", readOnly: true, noCopy: true)", code, StringComparison.Ordinal);
        Assert.Contains("propagation: BindPropagation.Shared)", code, StringComparison.Ordinal);
        Assert.Contains(".Tmpfs(\"/run/empty\", readOnly: true)", code, StringComparison.Ordinal);
        Assert.Contains(".Tmpfs(\"/tmp\", size: 1024, readOnly: true)", code, StringComparison.Ordinal);
    }

    private const string Service = "services:\n  app:\n    image: nginx:1.27\n    volumes:\n";

    [Theory]
    [InlineData("      - source: data\n        target: /d\n", 5, "services.app.volumes[0]", "needs a type")]
    [InlineData("      - type: tmpfs\n        target: /d\n        tmpfs:\n          size: 64m\n", 8, "services.app.volumes[0].tmpfs.size", "not a size in bytes")]
    [InlineData("      - type: tmpfs\n        target: /d\n        tmpfs:\n          size: -1\n", 8, "services.app.volumes[0].tmpfs.size", "negative")]
    [InlineData("      - type: bind\n        target: /d\n", 5, "services.app.volumes[0]", "needs a source")]
    public void DockerRejects_ImportRefuses(string mounts, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", Service + mounts);
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    // docker stack config accepts these; the Swarm converter refuses them at deploy (cli/compose/convert/volume.go).
    [Theory]
    [InlineData("      - type: volume\n        source: data\n        target: /d\n        bind:\n          propagation: shared\n", 8, "services.app.volumes[0].bind", "bind options on a mount of type volume")]
    [InlineData("      - type: bind\n        source: /srv\n        target: /d\n        volume:\n          nocopy: true\n", 8, "services.app.volumes[0].volume", "volume options on a mount of type bind")]
    [InlineData("      - type: tmpfs\n        source: data\n        target: /d\n", 6, "services.app.volumes[0].source", "a tmpfs has no source")]
    [InlineData("      - type: weird\n        source: data\n        target: /d\n", 5, "services.app.volumes[0]", "Docker refuses it at deploy")]
    [InlineData("      - type: bind\n        source: /srv\n        target: /d\n        bind:\n          propagation: bogus\n", 9, "services.app.volumes[0].bind.propagation", "not a mount propagation")]
    public void DockerRefusesAtDeploy_ImportRefuses(string mounts, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", Service + mounts + "volumes:\n  data: {}\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    // Windows nodes only: the Windows Docker engine's pipe, for a container that drives Docker, in base and overlay.
    [Fact]
    public void NamedPipes_InBaseAndOverlay_RoundTripAsDslCalls()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", """
            services:
              agent:
                image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
                volumes:
                  - type: npipe
                    source: \\.\pipe\docker_engine
                    target: \\.\pipe\docker_engine
                  - type: npipe
                    source: //./pipe/containerd-containerd
                    target: //./pipe/containerd
            """);
        var overlay = _folder.Write("in/docker-stack.prod.yml", """
            services:
              agent:
                volumes:
                  - type: npipe
                    source: '\\.\pipe\docker_engine_prod'
                    target: \\.\pipe\docker_engine
            """);

        var code = RoundTrip.Check("agent", baseFile, overlay);

        Assert.Contains(""".NamedPipe("\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\docker_engine")""", code, StringComparison.Ordinal);
        Assert.Contains(""".NamedPipe("\\\\.\\pipe\\docker_engine_prod", "\\\\.\\pipe\\docker_engine")""", code, StringComparison.Ordinal);
        Assert.Contains(".NamedPipe(\"//./pipe/containerd-containerd\", \"//./pipe/containerd\")", code, StringComparison.Ordinal);
    }

    // What the Windows engine refuses of a pipe is refused at its line.
    [Theory]
    [InlineData("      - type: npipe\n        source: /var/run/docker.sock\n        target: //./pipe/d\n", 6, "services.app.volumes[0].source", "not a pipe path")]
    [InlineData("      - type: npipe\n        source: //./pipe/d\n        target: /d\n", 7, "services.app.volumes[0].target", "not a pipe path")]
    [InlineData("      - type: npipe\n        source: //./pipe/d\n        target: //./pipe/d\n        read_only: true\n", 8, "services.app.volumes[0].read_only", "read-only named pipe")]
    public void PipesTheWindowsEngineRefuses_ImportRefuses(string mounts, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", Service + mounts + "volumes:\n  data: {}\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    // Accepted by docker stack config, but dropped by the loader or not passed to the service by the Swarm converter.
    [Theory]
    [InlineData("      - type: tmpfs\n        target: /d\n        tmpfs:\n          mode: 01777\n", 8, "services.app.volumes[0].tmpfs.mode", "drops it for Swarm")]
    [InlineData("      - type: volume\n        source: data\n        target: /d\n        volume:\n          subpath: sub\n", 9, "services.app.volumes[0].volume.subpath", "does not pass it to the service")]
    [InlineData("      - type: bind\n        source: /srv\n        target: /d\n        bind:\n          create_host_path: true\n", 9, "services.app.volumes[0].bind.create_host_path", "drops it for Swarm")]
    [InlineData("      - type: bind\n        source: /srv\n        target: /d\n        consistency: cached\n", 8, "services.app.volumes[0].consistency", "Swarm on Linux ignores it")]
    public void DockerIgnoresForSwarm_ImportRefuses(string mounts, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", Service + mounts + "volumes:\n  data: {}\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }
}
