using Xunit.Abstractions;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// The squiggles in a real editor's language server: csharp-ls (a dotnet tool, installed into a temp tool path)
/// opens the consumer project that uses the packed SDK, and its textDocument/publishDiagnostics for the stack file
/// must carry the IKS diagnostic at the call's range. csharp-ls runs third-party analyzers only with its
/// `csharp.analyzersEnabled` setting, which the client sends. On failure the test prints the server's transcript.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class LanguageServerTests(PackedSdk sdk, ITestOutputHelper output)
{
    private const string CsharpLsVersion = "0.28.0";
    private static readonly TimeSpan DiagnosticTimeout = TimeSpan.FromMinutes(4);

    private const string Stack = """
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
                    .Replicas(REPLICAS);
            }
        }

        """;

    [SkippableFact]
    public void InvalidReplicas_PublishesIks0002AtTheArgument()
    {
        var text = Stack.Replace("REPLICAS", "-1", StringComparison.Ordinal);
        AssertPublished(text, "IKS0002", "-1", DiagnosticSeverityError);
    }

    [SkippableFact]
    public void StatefulServiceScaledToThree_PublishesIks0101AtTheCall()
    {
        var text = Stack.Replace("REPLICAS", "3", StringComparison.Ordinal);
        AssertPublished(text, "IKS0101", "Replicas(3)", DiagnosticSeverityWarning);
    }

    private const int DiagnosticSeverityError = 1;
    private const int DiagnosticSeverityWarning = 2;

    private void AssertPublished(string text, string code, string span, int severity)
    {
        using var consumer = new ConsumerProject(sdk, "Payments");
        var stackFile = consumer.Write("PaymentsStack.cs", text);
        var restore = DotNet.Run(consumer.Directory, sdk.ConsumerEnvironment, ["restore", .. DotNet.NoServers]);
        Assert.True(restore.ExitCode == 0, restore.Output);

        var toolPath = Path.Combine(Path.GetDirectoryName(consumer.Directory)!, "tools");
        var install = DotNet.Run(consumer.Directory, sdk.ConsumerEnvironment, TimeSpan.FromMinutes(3), "tool", "install", "csharp-ls", "--version", CsharpLsVersion, "--tool-path", toolPath);
        output.WriteLine(install.Output);
        Skip.If(install.ExitCode != 0, "csharp-ls " + CsharpLsVersion + " could not be installed from this machine's NuGet sources:\n" + install.Output);

        var (line, column) = ConsumerProject.Position(text, span);
        using var server = new LanguageServer(Path.Combine(toolPath, "csharp-ls"), consumer.Directory, sdk.ConsumerEnvironment);
        server.Open(consumer.Directory, stackFile);
        var diagnostic = server.WaitForDiagnostic(stackFile, code, DiagnosticTimeout);
        output.WriteLine(server.Transcript);

        Assert.True(diagnostic is not null, $"csharp-ls published no {code} for {stackFile} within {DiagnosticTimeout}. Its transcript:\n{server.Transcript}");
        var range = diagnostic!["range"]!;
        Assert.Equal(
            (line - 1, column - 1, line - 1, column - 1 + span.Length),
            ((int)range["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["line"]!, (int)range["end"]!["character"]!));
        Assert.Equal(severity, (int)diagnostic["severity"]!);
        Assert.EndsWith($"docs/rules/{code}.md", (string?)diagnostic["codeDescription"]?["href"] ?? string.Empty, StringComparison.Ordinal);
    }
}
