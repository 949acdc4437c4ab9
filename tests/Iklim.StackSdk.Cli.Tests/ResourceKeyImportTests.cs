using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// Network <c>internal</c>/<c>ipam</c>/<c>labels</c>, volume <c>labels</c>, secret and config
/// <c>template_driver</c>/<c>labels</c>, and references with <c>uid</c>/<c>gid</c>/<c>mode</c> and bare targets
/// import as DSL calls, and what the imported stack writes deploys what the input deploys, as docker reads both.
/// </summary>
[Trait("Category", "Import")]
public sealed class ResourceKeyImportTests : IDisposable
{
    private const string Base = """
        services:
          db:
            image: postgres:16.4
            networks: [backend]
            volumes: [pgdata:/var/lib/postgresql/data]
            secrets:
              - source: db_password
                target: postgres_password
                uid: "999"
                gid: "999"
                mode: 0400
              - token
            configs:
              - source: pg_conf
                target: pg.conf
                mode: 0o440
              - source: hba
                target: /etc/postgresql/pg_hba.conf
                uid: "70"
        networks:
          backend:
            driver: overlay
            internal: true
            driver_opts:
              encrypted: "true"
            ipam:
              driver: default
              config:
                - subnet: 10.20.0.0/24
                - subnet: fd00:20::/64
            labels:
              - com.example.team=platform
              - com.example.bare
        volumes:
          pgdata:
            labels:
              com.example.backup: daily
        secrets:
          db_password:
            file: ./secrets/db_password
            labels:
              com.example.rotate: 90d
          token:
            external: true
        configs:
          pg_conf:
            file: ./config/pg.conf
            template_driver: golang
            labels:
              com.example.owner: dba
          hba:
            file: ./config/pg_hba.conf
        """;

    private const string Overlay = """
        services:
          db:
            secrets:
              - source: db_password
                mode: 288
        networks:
          backend:
            driver: overlay
            internal: true
            ipam:
              config:
                - subnet: 10.30.0.0/24
            labels:
              com.example.tier: prod
        volumes:
          pgdata:
            labels:
              com.example.backup: hourly
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ResourceKeys_RoundTripThroughDocker_AsDslCalls()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", Base);
        var overlay = _folder.Write("in/docker-stack.prod.yml", Overlay);

        var code = RoundTrip.Check("pg", baseFile, overlay);

        Assert.Contains(".Internal()", code, StringComparison.Ordinal);
        Assert.Contains(".IpamDriver(\"default\")", code, StringComparison.Ordinal);
        Assert.Contains(".Subnet(\"fd00:20::/64\")", code, StringComparison.Ordinal);
        Assert.Contains(".Label(\"com.example.bare\", \"\")", code, StringComparison.Ordinal);
        Assert.Contains(".TemplateDriver(\"golang\")", code, StringComparison.Ordinal);
        Assert.Contains(".Secret(DbPassword, \"postgres_password\", uid: \"999\", gid: \"999\", mode: \"0400\")", code, StringComparison.Ordinal);
        Assert.Contains(".Config(PgConf, \"pg.conf\", mode: \"0440\")", code, StringComparison.Ordinal);
        Assert.Contains(".Config(Hba, \"/etc/postgresql/pg_hba.conf\", uid: \"70\")", code, StringComparison.Ordinal);

        // 288 in the overlay is 0440: the DSL is given it in octal.
        Assert.Contains(".Secret(DbPassword, mode: \"0440\")", code, StringComparison.Ordinal);
    }

    // The older external.name form (docker 28.2.2 warns "external.name is deprecated in favor of name") and a plain
    // name: on every kind of top-level entry: each imports as .Named, and docker reads the same names from both files.
    [Fact]
    public void ExternalNameAndName_OnEveryTopLevelKind_RoundTripThroughDocker_AsNamed()
    {
        _folder.Write("in/config/app.conf", "k=v\n");
        _folder.Write("in/secrets/local_pw", "not-a-secret\n");
        var baseFile = _folder.Write("in/docker-stack.yml", """
            services:
              api:
                image: nginx:1.27
                networks: [edge, mesh]
                volumes:
                  - pgdata:/var/lib/data
                  - cache:/cache
                secrets: [db_pw, local_pw]
                configs: [shared_conf, app_conf]
            networks:
              edge:
                external:
                  name: traefik-public
              mesh:
                name: mesh-v2
            volumes:
              pgdata:
                external:
                  name: pgdata-2024
              cache:
                name: api-cache
            secrets:
              db_pw:
                external:
                  name: db_pw_v3
              local_pw:
                name: local_pw_v2
                file: ./secrets/local_pw
            configs:
              shared_conf:
                external:
                  name: shared_conf_v7
              app_conf:
                name: app_conf_v2
                file: ./config/app.conf
            """);

        var code = RoundTrip.Check("named", baseFile);

        foreach (var name in new[] { "traefik-public", "pgdata-2024", "db_pw_v3", "shared_conf_v7" })
        {
            Assert.Contains(".External().Named(\"" + name + "\")", code, StringComparison.Ordinal);
        }

        foreach (var name in new[] { "mesh-v2", "api-cache", "local_pw_v2", "app_conf_v2" })
        {
            Assert.Contains(".Named(\"" + name + "\")", code, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("uid: 999", "must be a string")]
    [InlineData("mode: \"0440\"", "must be a number")]
    public void DockerRejects_ImportRefuses(string setting, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", $"services:\n  api:\n    image: nginx:1.27\n    secrets:\n      - source: s\n        {setting}\nsecrets:\n  s:\n    external: true\n");
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, 6, "services.api.secrets[0]." + setting.Substring(0, setting.IndexOf(':')), problem);
    }

    [Fact]
    public void SecretDriverAndOptions_RoundTripThroughDocker_AsDslCalls()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", """
            services:
              api:
                image: nginx:1.27.2-alpine
                secrets: [api_key]
            secrets:
              api_key:
                name: api-key-v2
                driver: vault-secrets
                driver_opts:
                  path: secret/data/api
                  ttl: 30
            """);
        var overlay = _folder.Write("in/docker-stack.prod.yml", """
            secrets:
              api_key:
                driver: vault-secrets
                driver_opts:
                  path: secret/data/api-prod
            """);

        var code = RoundTrip.Check("vault", baseFile, overlay);

        Assert.Contains(".Driver(\"vault-secrets\")", code, StringComparison.Ordinal);
        Assert.Contains(".DriverOption(\"path\", \"secret/data/api\")", code, StringComparison.Ordinal);
        Assert.Contains(".DriverOption(\"ttl\", \"30\")", code, StringComparison.Ordinal);
        Assert.Contains(".DriverOption(\"path\", \"secret/data/api-prod\")", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    file: ./s\n    driver: vault\n", false, 8, "secrets.s.driver", "Docker refuses the pair")]
    [InlineData("    external: true\n    driver: vault\n", true, 8, "secrets.s.driver", "ignores the driver of an external secret")]
    [InlineData("    driver_opts:\n      path: x\n", true, 7, "secrets.s.driver_opts", "without a driver")]
    public void SecretDriverThatSwarmWouldNotHonour_ImportRefuses(string secret, bool dockerAccepts, int line, string key, string problem)
    {
        _folder.Write("in/s", "x");
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    secrets: [s]\nsecrets:\n  s:\n" + secret);
        Assert.Equal(dockerAccepts, DockerCli.StackConfig(file).ExitCode == 0);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    // docker stack config reads `driver: ""` back as no driver, and a real Swarm then deploys the secret from its file.
    [Fact]
    public void EmptySecretDriver_BesideAFileOrExternal_IsNoDriver_AsDockerReadsIt()
    {
        _folder.Write("in/secrets/api_key", "x");
        var baseFile = _folder.Write("in/docker-stack.yml", """
            services:
              api:
                image: nginx:1.27.2-alpine
                secrets: [api_key, cookie]
            secrets:
              api_key:
                file: ./secrets/api_key
                driver: ""
              cookie:
                external: true
                driver: ""
            """);
        var read = DockerCli.StackConfig(baseFile);
        Assert.Equal(0, read.ExitCode);
        Assert.DoesNotContain("driver", read.Output, StringComparison.Ordinal);

        var code = RoundTrip.Check("api", baseFile);

        Assert.Matches(@"\.File\(""[./]*[^""]*secrets/api_key""\)", code);
        Assert.Contains(".External()", code, StringComparison.Ordinal);
        Assert.DoesNotContain(".Driver(", code, StringComparison.Ordinal);
    }

    // Docker accepts the file, drops the driver and points the secret at the compose file's folder; a real Swarm then
    // refuses the deploy with "read <folder>: is a directory".
    [Theory]
    [InlineData("    driver: \"\"\n", 7)]
    [InlineData("    labels:\n      a: b\n    driver: \"\"\n", 9)]
    public void EmptySecretDriver_Alone_LeavesNoSource_ImportRefusesAtTheDriver(string secret, int line)
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    secrets: [s]\nsecrets:\n  s:\n" + secret);
        var read = DockerCli.StackConfig(file);
        Assert.Equal(0, read.ExitCode);
        Assert.Contains("file: " + Path.GetDirectoryName(file), read.Output, StringComparison.Ordinal);

        ImportRefusal.Check(_folder, file, line, "secrets.s.driver", "an empty driver is no driver (Docker drops it)");
    }

    [Fact]
    public void ConfigDriver_DockerRejects_ImportRefuses()
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\nconfigs:\n  c:\n    driver: vault\n");
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, 6, "configs.c.driver", "Docker rejects it");
    }

    [Fact]
    public void LabelsOnAnExternalVolume_DockerRejects_ImportRefuses()
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\nvolumes:\n  data:\n    external: true\n    labels:\n      a: b\n");
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, 8, "volumes.data.labels.a", "Docker refuses labels on an external volume");
    }

    [Theory]
    [InlineData("    ipam:\n      config:\n        - subnet: 10.0.0.0/24\n          gateway: 10.0.0.1\n", 9, "networks.n.ipam.config[0].gateway", "Docker rejects it")]
    [InlineData("    ipam:\n      options:\n        foo: bar\n", 7, "networks.n.ipam.options", "Docker rejects it")]
    public void DockerRejectsIpamBeyondSubnets_ImportRefuses(string ipam, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\nnetworks:\n  n:\n" + ipam);
        Assert.NotEqual(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    [Theory]
    [InlineData("    secrets:\n      - source: s\n        mode: 0890\n", 6, "services.api.secrets[0].mode", "not a file mode")]
    [InlineData("    secrets:\n      - source: s\n        target: sub/dir\n", 4, "services.api.secrets", "bare file name")]
    [InlineData("    secrets:\n      - source: s\n        uid: \"root\"\n", 4, "services.api.secrets", "must be a number")]
    public void DslRefuses_ImportRefusesAtTheKey(string secrets, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n" + secrets + "secrets:\n  s:\n    external: true\n");

        ImportRefusal.Check(_folder, file, line, key, problem);
    }
}
