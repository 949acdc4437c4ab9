using System.Text.Json;
using Iklim.StackSdk.Building;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// What a Linux one-node Swarm does with the two Windows-only keys deployed through <c>docker stack deploy</c>: the
/// service spec carries <c>ContainerSpec.Isolation</c> and <c>Privileges.CredentialSpec</c> (for a config source the
/// config's ID, beside a runtime config reference). The Linux engine then rejects every task with a credential spec
/// (<c>invalid --security-opt</c>) or an isolation other than default (<c>invalid isolation 'process' on linux</c>),
/// and runs a task whose isolation is default: measured on engine 20.10.24.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class WindowsKeysSwarmTests
{
    private const string Stack = "win";
    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public WindowsKeysSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void IsolationAndCredentialSpec_ReachTheServiceSpec_AndTheLinuxEngineActsAsMeasured()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var builder = new StackBuilder(Stack, "docker-stack.yml");
        builder.Config("gmsa").External();
        builder.Service("byconfig").Image("iklim/win:1").Replicas(1).StopGracePeriod("1s")
            .Command("sh", "-c", Placeholder.Sleeper)
            .Isolation(Isolation.Default)
            .CredentialSpecConfig("gmsa");
        builder.Service("byfile").Image("iklim/win:1").Replicas(1).StopGracePeriod("1s")
            .Command("sh", "-c", Placeholder.Sleeper)
            .CredentialSpecFile("app01.json");
        builder.Service("default").Image("iklim/win:1").Replicas(1).StopGracePeriod("1s")
            .Command("sh", "-c", Placeholder.Sleeper)
            .Isolation(Isolation.Default);
        builder.Service("process").Image("iklim/win:1").Replicas(1).StopGracePeriod("1s")
            .Command("sh", "-c", Placeholder.Sleeper)
            .Isolation(Isolation.Process);
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        var model = result.Model;

        _swarm.Prepare(model);
        try
        {
            var deployed = _swarm.Deploy(model, model.BaseFile, _output);
            Assert.True(deployed.Ok, "docker stack deploy was refused: " + deployed);

            JsonElement Spec(string service)
            {
                var json = _swarm.Docker.Check("service", "inspect", Stack + "_" + service, "--format", "{{json .Spec.TaskTemplate.ContainerSpec}}");
                _output.WriteLine(service + " ContainerSpec: " + json);
                using var document = JsonDocument.Parse(json);
                return document.RootElement.Clone();
            }

            var configId = _swarm.Docker.Check("config", "inspect", "gmsa", "--format", "{{.ID}}").Trim();
            var byConfig = Spec("byconfig");
            Assert.Equal("default", byConfig.GetProperty("Isolation").GetString());
            Assert.Equal(configId, byConfig.GetProperty("Privileges").GetProperty("CredentialSpec").GetProperty("Config").GetString());
            var runtimeReference = byConfig.GetProperty("Configs").EnumerateArray().Single();
            Assert.Equal(configId, runtimeReference.GetProperty("ConfigID").GetString());
            Assert.True(runtimeReference.TryGetProperty("Runtime", out _), "the credential spec's config is a runtime reference, not a file");
            Assert.False(runtimeReference.TryGetProperty("File", out _));

            var byFile = Spec("byfile");
            Assert.Equal("app01.json", byFile.GetProperty("Privileges").GetProperty("CredentialSpec").GetProperty("File").GetString());

            Assert.Equal("process", Spec("process").GetProperty("Isolation").GetString());

            // What the Linux engine makes of it, once Swarm has tried to start each task.
            var services = new[] { "byconfig", "byfile", "default", "process" };
            foreach (var service in services)
            {
                Poll.Try(() => Tasks(service).Any(t => t.State is "running" or "rejected"), TimeSpan.FromSeconds(60));
                _output.WriteLine(service + " tasks: " + string.Join(" | ", Tasks(service).Select(t => t.State + " " + t.Error)));
            }

            Assert.Contains(Tasks("default"), t => t.State == "running");
            Assert.Contains(Tasks("byconfig"), t => t.State == "rejected" && t.Error.Contains("invalid --security-opt", StringComparison.Ordinal) && t.Error.Contains("credentialspec=config://" + configId, StringComparison.Ordinal));
            Assert.Contains(Tasks("byfile"), t => t.State == "rejected" && t.Error.Contains("credentialspec=file://app01.json", StringComparison.Ordinal));
            Assert.Contains(Tasks("process"), t => t.State == "rejected" && t.Error.Contains("invalid isolation 'process' on linux", StringComparison.Ordinal));
            foreach (var service in new[] { "byconfig", "byfile", "process" })
            {
                Assert.DoesNotContain(Tasks(service), t => t.State == "running");
            }
        }
        finally
        {
            _swarm.RemoveStack(Stack);
        }
    }

    private IReadOnlyList<(string State, string Error)> Tasks(string service) =>
        _swarm.Docker.Check("service", "ps", Stack + "_" + service, "--no-trunc", "--format", "{{.CurrentState}}\t{{.Error}}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0].Split(' ')[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : string.Empty))
            .ToList();
}
