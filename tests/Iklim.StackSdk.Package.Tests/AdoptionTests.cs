using Xunit.Abstractions;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// A newcomer's first hour: a fresh project outside the repository, `dotnet add package Iklim.StackSdk` from the
/// freshly packed feed, a stack, a build that warns at the call, the fix, a clean build.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class AdoptionTests(PackedSdk sdk, ITestOutputHelper output)
{
    private const string StatefulStack = """
        using Iklim.StackSdk;

        namespace Payments;

        [Stack("payments", BaseFile = "docker-stack-payments.yml")]
        public sealed class PaymentsStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Node("payments-01").Label("type", "service");
                stack.Node("payments-02").Label("type", "service");
                stack.Node("payments-03").Label("type", "service");

                stack.Service("cache")
                    .Image("redis:7.2.5-alpine")
                    .Constraint("node.labels.type == service")
                    .Replicas(3);
            }
        }

        """;

    [Fact]
    public void StatefulServiceScaledToThree_WarnsIks0101AtTheCall_WritesDeploy_AndTheFixClearsIt()
    {

        using var consumer = new ConsumerProject(sdk, "Payments");
        var stackFile = consumer.Write("PaymentsStack.cs", StatefulStack);
        var (line, column) = ConsumerProject.Position(StatefulStack, "Replicas(3)");

        var warned = consumer.Build();
        output.WriteLine(warned.Output);
        Assert.True(warned.ExitCode == 0, warned.Output);
        Assert.Contains($"{stackFile}({line},{column}): warning IKS0101:", warned.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(consumer.DeployDirectory, "docker-stack-payments.yml")), warned.Output);

        File.WriteAllText(stackFile, StatefulStack.Replace(".Replicas(3);", ".Replicas(3)\n            .MaxReplicasPerNode(1);", StringComparison.Ordinal));
        var fixedBuild = consumer.Build();
        output.WriteLine(fixedBuild.Output);
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.Output);
        Assert.DoesNotContain("IKS0101", fixedBuild.Output, StringComparison.Ordinal);
        Assert.Contains("max_replicas_per_node: 1", File.ReadAllText(Path.Combine(consumer.DeployDirectory, "docker-stack-payments.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidReplicas_ErrorIks0002AtTheArgument_WritesNothing_ThenTheFixWritesDeploy()
    {
        using var consumer = new ConsumerProject(sdk, "Payments");
        var invalid = StatefulStack.Replace("Replicas(3)", "Replicas(-1)", StringComparison.Ordinal);
        var stackFile = consumer.Write("PaymentsStack.cs", invalid);
        var (line, column) = ConsumerProject.Position(invalid, "-1");

        var failed = consumer.Build();
        output.WriteLine(failed.Output);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains($"{stackFile}({line},{column}): error IKS0002: Replicas must be at least 0, not -1.", failed.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(consumer.DeployDirectory), "a stack with an error must write nothing");

        File.WriteAllText(stackFile, StatefulStack.Replace(".Replicas(3);", ".Replicas(3)\n            .MaxReplicasPerNode(1);", StringComparison.Ordinal));
        var built = consumer.Build();
        output.WriteLine(built.Output);
        Assert.True(built.ExitCode == 0, built.Output);
        Assert.Contains("0 Warning(s)", built.Output, StringComparison.Ordinal);
        Assert.Contains("Payments: wrote docker-stack-payments.yml", built.Output, StringComparison.Ordinal);
        Assert.Equal([".iklim-stack-files", "STACK.md", "docker-stack-payments.yml"], Directory.GetFiles(consumer.DeployDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The build owns exactly the artefacts it wrote (its header line first), and nothing else in the folder.
        var owned = File.ReadAllLines(Path.Combine(consumer.DeployDirectory, ".iklim-stack-files")).Skip(1);
        Assert.Equal(["STACK.md", "docker-stack-payments.yml"], owned);
    }
}
