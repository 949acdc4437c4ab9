using System.Diagnostics;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// The adoption path with only two YAML files: install iklim-stack from the packed feed into a tool folder outside
/// the repository, import the seed's base and prod overlay, `dotnet build` the imported project against the packed
/// SDK (the generator writes deploy/), and diff the old files against the build's: no difference.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class ToolTests(PackedSdk sdk, ITestOutputHelper output)
{
    private static readonly string Seed = Path.Combine(PackedSdk.RepoRoot, "tests", "Iklim.StackSdk.Cli.Tests", "Seed");

    [Fact]
    public void InstalledTool_ImportsTheSeedsFiles_TheBuildDeploysTheSame_AndDiffSaysSo()
    {
        using var root = sdk.NewConsumerRoot("iklim-tool");
        var tools = root.Combine("tools");
        Expect(DotNet.Run(root.Path, sdk.ConsumerEnvironment, "tool", "install", "Iklim.StackSdk.Cli", "--version", sdk.Version, "--tool-path", tools));
        var tool = Path.Combine(tools, "iklim-stack");

        foreach (var help in new[] { new[] { "--help" }, new[] { "import", "--help" }, new[] { "diff", "--help" } })
        {
            var shown = Run(tool, root.Path, help);
            Assert.True(shown.ExitCode == 0 && shown.Output.Contains("Usage:", StringComparison.Ordinal), shown.Output);
        }

        var baseFile = root.Combine("docker-stack-infra.yml");
        var overlay = root.Combine("docker-stack-infra.prod.yml");
        File.Copy(Path.Combine(Seed, "docker-stack-infra.yml"), baseFile);
        File.Copy(Path.Combine(Seed, "docker-stack-infra.prod.yml"), overlay);

        var imported = Run(tool, root.Path, "import", "docker-stack-infra.yml", "docker-stack-infra.prod.yml", "--name", "iklimco", "--output", "Infra");
        output.WriteLine(imported.Output);
        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Contains("profile 'prod' from docker-stack-infra.prod.yml", imported.Output, StringComparison.Ordinal);
        Assert.Contains("dropped docker-stack-infra.yml(6): x-service-defaults", imported.Output, StringComparison.Ordinal);
        Assert.Equal(["IklimcoStack.cs", "Infra.csproj"], Directory.GetFiles(root.Combine("Infra")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"<PackageReference Include=\"Iklim.StackSdk\" Version=\"{sdk.Version}\" />", File.ReadAllText(root.Combine("Infra", "Infra.csproj")), StringComparison.Ordinal);

        var built = DotNet.Run(root.Combine("Infra"), sdk.ConsumerEnvironment, ["build", "-v:m", .. DotNet.NoServers]);
        output.WriteLine(built.Output);
        Assert.True(built.ExitCode == 0, built.Output);
        Assert.Contains("wrote docker-stack-infra.yml, docker-stack-infra.prod.yml", built.Output, StringComparison.Ordinal);

        var deploy = root.Combine("Infra", "deploy");
        var same = Run(tool, root.Path, "diff", "-c", baseFile, "-c", overlay, "--against", "-c", Path.Combine(deploy, "docker-stack-infra.yml"), "-c", Path.Combine(deploy, "docker-stack-infra.prod.yml"));
        output.WriteLine(same.Output);
        Assert.True(same.ExitCode == 0, same.Output);
        Assert.Contains("no difference", same.Output, StringComparison.Ordinal);

        var baseOnly = Run(tool, root.Path, "diff", "-c", baseFile, "--against", "-c", Path.Combine(deploy, "docker-stack-infra.yml"));
        Assert.True(baseOnly.ExitCode == 0, baseOnly.Output);

        // A real public file with encrypted networks, host-mode ports and logging: the generator evaluates those calls too.
        var proxy = root.Combine("stack-proxy-global.yml");
        File.Copy(Path.Combine(PackedSdk.RepoRoot, "tests", "Iklim.StackSdk.Cli.Tests", "RealFiles", "dogvscat-proxy-global", "stack-proxy-global.yml"), proxy);
        Assert.True(Run(tool, root.Path, "import", "stack-proxy-global.yml", "--name", "proxy", "--output", "Proxy").ExitCode == 0);
        var proxyBuilt = DotNet.Run(root.Combine("Proxy"), sdk.ConsumerEnvironment, ["build", "-v:m", .. DotNet.NoServers]);
        Assert.True(proxyBuilt.ExitCode == 0, proxyBuilt.Output);
        var proxySame = Run(tool, root.Path, "diff", "-c", proxy, "--against", "-c", root.Combine("Proxy", "deploy", "stack-proxy-global.yml"));
        Assert.True(proxySame.ExitCode == 0, proxySame.Output);

        // The prod deployment is not the test one: diff must see the overlay's changes.
        var prodVersusTest = Run(tool, root.Path, "diff", "-c", baseFile, "-c", overlay, "--against", "-c", Path.Combine(deploy, "docker-stack-infra.yml"));
        Assert.True(prodVersusTest.ExitCode == 1, prodVersusTest.Output);
        Assert.Contains("vault: deploy.replicas: 3 -> 1", prodVersusTest.Output, StringComparison.Ordinal);
    }

    private static void Expect((int ExitCode, string Output) result) => Assert.True(result.ExitCode == 0, result.Output);

    private static (int ExitCode, string Output) Run(string tool, string workingDirectory, params string[] arguments)
    {
        var start = DotNet.StartInfo(tool, workingDirectory, arguments, null);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"iklim-stack {string.Join(' ', arguments)} did not finish in 2 minutes");
        }

        process.WaitForExit();
        return (process.ExitCode, $"> iklim-stack {string.Join(' ', arguments)}\n{stdout.Result}{stderr.Result}");
    }
}
