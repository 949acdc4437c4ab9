using Xunit.Abstractions;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// `dotnet new install Iklim.StackSdk.Templates`, `dotnet new iklim-stack -n Payments`, `dotnet build`: no warning,
/// and deploy/ holds the base, the prod overlay and STACK.md. The template goes into a private hive, so the
/// machine's template list is untouched.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class TemplateTests(PackedSdk sdk, ITestOutputHelper output)
{
    [Fact]
    public void IklimStack_BuildsWithZeroWarnings_AndWritesItsArtefacts()
    {
        using var root = sdk.NewConsumerRoot("template");
        var hive = root.Combine(".template-hive");
        var project = root.Combine("Payments");

        Expect(DotNet.Run(root.Path, sdk.ConsumerEnvironment, "new", "install", sdk.TemplatePackageFile, "--debug:custom-hive", hive));
        Expect(DotNet.Run(root.Path, sdk.ConsumerEnvironment, "new", "iklim-stack", "-n", "Payments", "--debug:custom-hive", hive));

        Assert.Equal(
            [".editorconfig", "Payments.csproj", "PaymentsStack.cs"],
            Directory.GetFiles(project).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"<PackageReference Include=\"Iklim.StackSdk\" Version=\"{sdk.Version}\" />", File.ReadAllText(Path.Combine(project, "Payments.csproj")), StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic.IKS0101.severity = warning", File.ReadAllText(Path.Combine(project, ".editorconfig")), StringComparison.Ordinal);

        var build = DotNet.Run(project, sdk.ConsumerEnvironment, ["build", "-v:m", .. DotNet.NoServers]);
        output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);
        Assert.Equal(
            [".iklim-stack-files", "STACK.md", "docker-stack-payments.prod.yml", "docker-stack-payments.yml"],
            Directory.GetFiles(Path.Combine(project, "deploy")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("max_replicas_per_node: 1", File.ReadAllText(Path.Combine(project, "deploy", "docker-stack-payments.prod.yml")), StringComparison.Ordinal);
    }

    private void Expect((int ExitCode, string Output) result)
    {
        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, result.Output);
    }
}
