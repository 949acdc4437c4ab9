using Iklim.StackSdk.Building;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// What <c>iklim-stack import</c> writes for the service key <c>restart</c> deploys the restart policy Docker deploys
/// for the key itself: the file with <c>restart</c> and the stack built from the <c>.RestartPolicy</c> calls the
/// importer writes for it (RestartImportTests in the CLI tests checks those calls) are both deployed on a real Swarm,
/// and their <c>TaskTemplate.RestartPolicy</c> must be equal, and equal to what was measured by hand.
/// </summary>
[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class RestartSwarmTests
{
    private const string Image = "iklim/restart:1";
    private const string Original = "restartyaml";
    private const string Imported = "restartdsl";

    private const string Yaml = """
        version: "3.8"
        services:
          always:
            image: iklim/restart:1
            restart: always
          unless:
            image: iklim/restart:1
            restart: unless-stopped
          onfailure:
            image: iklim/restart:1
            restart: on-failure
          three:
            image: iklim/restart:1
            restart: on-failure:3
          "no":
            image: iklim/restart:1
            restart: "no"
          both:
            image: iklim/restart:1
            restart: always
            deploy:
              restart_policy:
                condition: on-failure
                max_attempts: 2
        """;

    // Measured with docker CLI 28.2.2 on engine 20.10.24 (docs/compose-coverage.md); the engine fills the 5s delay.
    private static readonly Dictionary<string, string> Measured = new(StringComparer.Ordinal)
    {
        ["always"] = """{"Condition":"any","Delay":5000000000,"MaxAttempts":0}""",
        ["unless"] = """{"Condition":"any","Delay":5000000000,"MaxAttempts":0}""",
        ["onfailure"] = """{"Condition":"on-failure","Delay":5000000000,"MaxAttempts":0}""",
        ["three"] = """{"Condition":"on-failure","Delay":5000000000,"MaxAttempts":3}""",
        ["no"] = """{"Condition":"any","Delay":5000000000,"MaxAttempts":0}""",
        ["both"] = """{"Condition":"on-failure","Delay":5000000000,"MaxAttempts":2}""",
    };

    private readonly SwarmFixture _swarm;
    private readonly ITestOutputHelper _output;

    public RestartSwarmTests(SwarmFixture swarm, ITestOutputHelper output)
    {
        _swarm = swarm;
        _output = output;
    }

    [SkippableFact]
    public void TheImportedRestartPolicy_IsTheOneDockerDeploysForRestart()
    {
        _swarm.Require();
        SwarmAssertions.PrintSetupOnce(_swarm, _output);
        var builder = new StackBuilder(Imported, "docker-stack.yml");
        builder.Service("always").Image(Image).RestartPolicy(RestartCondition.Any);
        builder.Service("unless").Image(Image).RestartPolicy(RestartCondition.Any);
        builder.Service("onfailure").Image(Image).RestartPolicy(RestartCondition.OnFailure);
        builder.Service("three").Image(Image).RestartPolicy(RestartCondition.OnFailure, maxAttempts: 3);
        builder.Service("no").Image(Image);
        builder.Service("both").Image(Image).RestartPolicy(RestartCondition.OnFailure, maxAttempts: 2);
        var result = builder.Build();
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        var model = result.Model;

        var folder = Directory.CreateTempSubdirectory("iklim-swarm-restart-").FullName;
        _swarm.Prepare(model);
        try
        {
            var file = Path.Combine(folder, "docker-stack.yml");
            File.WriteAllText(file, Yaml);
            var original = _swarm.Docker.RunIn(folder, null, null, "stack", "deploy", "--resolve-image", "never", "-c", file, Original);
            _output.WriteLine("docker stack deploy of the file: " + original);
            Assert.True(original.Ok, "docker stack deploy of the file was refused: " + original);
            var deployed = _swarm.Deploy(model, model.BaseFile, _output);
            Assert.True(deployed.Ok, "docker stack deploy of the imported stack was refused: " + deployed);

            foreach (var (service, measured) in Measured)
            {
                var fromYaml = Policy(Original + "_" + service);
                var fromDsl = Policy(Imported + "_" + service);
                _output.WriteLine($"{service}: restart {fromYaml}, DSL {fromDsl}");
                Assert.Equal(fromYaml, fromDsl);
                Assert.Equal(measured, fromYaml);
            }
        }
        finally
        {
            _swarm.RemoveStack(Original);
            _swarm.RemoveStack(Imported);
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Policy(string service) =>
        _swarm.Docker.Check("service", "inspect", service, "--format", "{{json .Spec.TaskTemplate.RestartPolicy}}").Trim();
}
