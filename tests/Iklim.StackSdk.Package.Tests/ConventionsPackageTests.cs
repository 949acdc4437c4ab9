using Xunit.Abstractions;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// A platform team's conventions library shipped as a NuGet package: built against the packed SDK, packed into the
/// feed, and referenced by a stack project outside the repository. Calls into it evaluate at compile time, and a
/// finding made inside a helper lands at the helper's call in the stack.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class ConventionsPackageTests(PackedSdk sdk, ITestOutputHelper output)
{
    private const string Library = """
        using Iklim.StackSdk;

        [assembly: StackConventions]

        namespace Acme.Conventions;

        public static class Platform
        {
            public const string Network = "acme-net";

            public static IServiceBuilder Store(this IStackScope stack, string name, int replicas) => stack.Service(name)
                .Image("redis:7.2.5-alpine")
                .Stateful()
                .Network(Network)
                .Replicas(replicas);
        }
        """;

    private const string Stack = """
        using Acme.Conventions;
        using Iklim.StackSdk;

        namespace Payments;

        [Stack("payments", BaseFile = "docker-stack-payments.yml")]
        public sealed class PaymentsStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Network(Platform.Network).External();
                stack.Store("cache", 3);
            }
        }
        """;

    [Fact]
    public void ConventionsFromAPackage_EvaluateInTheStack_AndAHelpersFindingLandsAtItsCall()
    {
        using var library = new ConsumerProject(sdk, "Acme.Conventions");
        library.Write("Platform.cs", Library);
        var packed = DotNet.Run(library.Directory, sdk.ConsumerEnvironment, ["pack", "-o", sdk.FeedDirectory, "-p:PackageVersion=1.0.0", .. DotNet.NoServers]);
        output.WriteLine(packed.Output);
        Assert.True(packed.ExitCode == 0, packed.Output);

        using var consumer = new ConsumerProject(sdk, "Payments");
        var added = DotNet.Run(consumer.Directory, sdk.ConsumerEnvironment, "add", "package", "Acme.Conventions", "--version", "1.0.0");
        Assert.True(added.ExitCode == 0, added.Output);
        var stackFile = consumer.Write("PaymentsStack.cs", Stack);
        var (line, column) = ConsumerProject.Position(Stack, "Store(\"cache\", 3)");

        var built = consumer.Build();
        output.WriteLine(built.Output);

        Assert.True(built.ExitCode == 0, built.Output);
        Assert.Contains($"{stackFile}({line},{column}): warning IKS0101:", built.Output, StringComparison.Ordinal);
        Assert.Contains("(through Platform.Store(...) at PaymentsStack.cs", built.Output, StringComparison.Ordinal);
        var deployed = File.ReadAllText(Path.Combine(consumer.DeployDirectory, "docker-stack-payments.yml"));
        Assert.Contains("acme-net: {}", deployed, StringComparison.Ordinal);
        Assert.Contains("replicas: 3", deployed, StringComparison.Ordinal);
    }
}
