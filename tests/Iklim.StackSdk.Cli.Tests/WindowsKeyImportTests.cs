using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// <c>isolation</c> and <c>credential_spec</c> import as DSL calls, and the imported stack deploys what the input
/// deploys as docker reads both; what <c>docker stack config</c> passes but the engine or <c>docker stack deploy</c>
/// refuses is refused at its line.
/// </summary>
[Trait("Category", "Import")]
public sealed class WindowsKeyImportTests : IDisposable
{
    private const string Base = """
        version: "3.13"
        services:
          web:
            image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
            isolation: process
            credential_spec:
              config: gmsa
          api:
            image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
            isolation: hyperv
            credential_spec:
              file: api.json
          worker:
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            isolation: default
            credential_spec: {registry: worker01, file: ""}
        configs:
          gmsa:
            external: true
          gmsa-prod:
            external: true
        """;

    private const string Overlay = """
        version: "3.13"
        services:
          web:
            isolation: hyperv
            credential_spec:
              config: gmsa-prod
          api:
            credential_spec:
              file: prod/api.json
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void IsolationAndCredentialSpec_RoundTripThroughDocker_AsDslCalls()
    {
        var baseFile = _folder.Write("in/docker-stack.yml", Base);
        var overlay = _folder.Write("in/docker-stack.prod.yml", Overlay);

        var code = RoundTrip.Check("windows", baseFile, overlay);

        foreach (var call in new[]
        {
            ".Isolation(Isolation.Process)", ".Isolation(Isolation.HyperV)", ".Isolation(Isolation.Default)",
            ".CredentialSpecConfig(Gmsa)", ".CredentialSpecConfig(GmsaProd)",
            ".CredentialSpecFile(\"api.json\")", ".CredentialSpecFile(\"prod/api.json\")", ".CredentialSpecRegistry(\"worker01\")",
        })
        {
            Assert.True(code.Contains(call, StringComparison.Ordinal), call + " is not in the C#:\n" + code);
        }
    }

    [Theory]
    // docker stack config takes these; docker stack deploy refuses two sources, a Windows engine any other word.
    [InlineData("    credential_spec:\n      config: gmsa\n      file: a.json\n", 4, "services.api.credential_spec", "more than one source")]
    [InlineData("    isolation: hyper-v\n", 4, "services.api.isolation", "default, process or hyperv")]
    // The engine reads the file below its CredentialSpecs folder and refuses an absolute path.
    [InlineData("    credential_spec:\n      file: 'C:\\ProgramData\\docker\\CredentialSpecs\\a.json'\n", 5, "services.api.credential_spec.file", "CredentialSpecs folder")]
    public void DockerAcceptsButCannotDeploy_ImportRefusesAtTheKey(string keys, int line, string key, string problem)
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n" + keys + "configs:\n  gmsa:\n    external: true\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        ImportRefusal.Check(_folder, file, line, key, problem);
    }

    [Fact]
    public void AnUndeclaredCredentialSpecConfig_IsRefusedAtItsLine()
    {
        var file = _folder.Write("in/docker-stack.yml", "services:\n  api:\n    image: nginx:1.27\n    credential_spec:\n      config: gmsa\n");
        Assert.Equal(0, DockerCli.StackConfig(file).ExitCode);

        var result = Tool.Run("import", file, "--name", "imported", "--output", Path.Combine(_folder.Path, "out", "Imported"));

        Assert.Equal(Program.Refused, result.ExitCode);
        Assert.Contains("IKS0003", result.Error, StringComparison.Ordinal);
    }
}
