using System.Text.RegularExpressions;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>
/// Bind, Volume, Secret and Config gained optional parameters after 0.1.0, and Tmpfs after 0.2.0; each keeps its
/// older overload so code compiled against that version still binds. Every shape of call must compile without ambiguity, pick the overload C#
/// should pick, and build the same model at runtime and statically.
/// </summary>
public sealed class ShippedOverloadTests
{
    private const int Shipped = 0;
    private const int Newer = 1;

    // The call, the overload it must bind to, and what the service must then hold (written from the call, not from our output).
    public static TheoryData<string, int, string> Calls => new()
    {
        { """.Bind("/srv/a", "/a")""", Newer, """Volumes:/srv/a|/a|False|||""" },
        { """.Bind("/srv/a", "/a", true)""", Shipped, """Volumes:/srv/a|/a|True|||""" },
        { """.Bind("/srv/a", "/a", readOnly: true)""", Shipped, """Volumes:/srv/a|/a|True|||""" },
        { """.Bind(readOnly: false, target: "/a", hostPath: "/srv/a")""", Shipped, """Volumes:/srv/a|/a|False|||""" },
        { """.Bind(target: "/a", hostPath: "/srv/a")""", Newer, """Volumes:/srv/a|/a|False|||""" },
        { """.Bind("/srv/a", "/a", true, BindPropagation.Rslave)""", Newer, """Volumes:/srv/a|/a|True|Bind||Rslave""" },
        { """.Bind("/srv/a", "/a", propagation: BindPropagation.Rshared)""", Newer, """Volumes:/srv/a|/a|False|Bind||Rshared""" },
        { """.Volume("data", "/data")""", Newer, """Volumes:data|/data|False|||""" },
        { """.Volume("data", "/data", true)""", Shipped, """Volumes:data|/data|True|||""" },
        { """.Volume(source: "data", target: "/data", readOnly: true)""", Shipped, """Volumes:data|/data|True|||""" },
        { """.Volume("data", "/data", false, true)""", Newer, """Volumes:data|/data|False|Volume|True|""" },
        { """.Volume("data", "/data", noCopy: true)""", Newer, """Volumes:data|/data|False|Volume|True|""" },
        { """.Volume(target: "/data", source: "data")""", Newer, """Volumes:data|/data|False|||""" },
        { """.Secret("token")""", Newer, """Secrets:token||||""" },
        { """.Secret("token", "api_token")""", Shipped, """Secrets:token|api_token|||""" },
        { """.Secret("token", null)""", Shipped, """Secrets:token||||""" },
        { """.Secret("token", target: "/etc/token")""", Shipped, """Secrets:token|/etc/token|||""" },
        { """.Secret(target: "api_token", name: "token")""", Shipped, """Secrets:token|api_token|||""" },
        { """.Secret(name: "token")""", Newer, """Secrets:token||||""" },
        { """.Secret("token", "api_token", "999")""", Newer, """Secrets:token|api_token|999||""" },
        { """.Secret("token", mode: "0400")""", Newer, """Secrets:token||||256""" },
        { """.Tmpfs("/tmp")""", Newer, """Tmpfs:/tmp|False|""" },
        { """.Tmpfs("/tmp", 4096)""", Shipped, """Tmpfs:/tmp|False|4096""" },
        { """.Tmpfs("/tmp", size: 4096)""", Shipped, """Tmpfs:/tmp|False|4096""" },
        { """.Tmpfs("/tmp", null)""", Shipped, """Tmpfs:/tmp|False|""" },
        { """.Tmpfs("/tmp", 4096, true)""", Newer, """Tmpfs:/tmp|True|4096""" },
        { """.Tmpfs("/tmp", readOnly: true)""", Newer, """Tmpfs:/tmp|True|""" },
        { """.Tmpfs(readOnly: true, size: 1024, target: "/tmp")""", Newer, """Tmpfs:/tmp|True|1024""" },
        { """.Config("conf")""", Newer, """Configs:conf||||""" },
        { """.Config("conf", "/etc/app.yml")""", Shipped, """Configs:conf|/etc/app.yml|||""" },
        { """.Config(name: "conf", target: "/etc/app.yml")""", Shipped, """Configs:conf|/etc/app.yml|||""" },
        { """.Config("conf", gid: "10")""", Newer, """Configs:conf|||10|""" },
        { """.Config("conf", "/etc/app.yml", "1", "2", "0440")""", Newer, """Configs:conf|/etc/app.yml|1|2|288""" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void EveryShapeOfCall_BindsUnambiguouslyAndBuildsTheSameModelAtRuntimeAndStatically(string call, int overload, string expected)
    {
        var compilation = StackCompilation.Create($$"""
            using Iklim.StackSdk;

            [Stack("shapes")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
                    stack.Volume("data");
                    stack.Secret("token").External();
                    stack.Config("conf").External();
                    stack.Service("app").Image("nginx:1.27.2-alpine"){{call}};
                }
            }
            """);

        Assert.DoesNotContain(compilation.Compilation.GetDiagnostics(), d => d.Id == "CS0121");
        Assert.Empty(compilation.Errors);
        var target = BoundMethod(compilation, call);
        var expectedParameters = (target.Name, overload) switch
        {
            ("Bind" or "Volume", Shipped) => 3,
            ("Bind" or "Volume", _) => 4,
            ("Tmpfs", Shipped) => 2,
            ("Tmpfs", _) => 3,
            (_, Shipped) => 2,
            _ => 5,
        };
        Assert.Equal(expectedParameters, target.Parameters.Length);
        Assert.Equal(overload == Shipped, target.Parameters.All(p => !p.HasExplicitDefaultValue));

        var runtime = compilation.RunAtRuntime();
        var evaluation = compilation.EvaluateStatically();
        Assert.Empty(evaluation.Diagnostics);
        Assert.Equal(expected, Describe(runtime.Model.Base.Services.Single(s => s.Name == "app")));
        Assert.Equal(expected, Describe(evaluation.Result!.Model.Base.Services.Single(s => s.Name == "app")));
    }

    // A *REMOVED* line is only allowed for a shipped member that lost nothing but its default values: the same
    // name, parameter types and return type are still declared, so a binary compiled against it still binds.
    [Fact]
    public void EveryShippedMember_StillExistsWithItsBinarySignature()
    {
        var shipped = ApiLines("PublicAPI.Shipped.txt");
        var unshipped = ApiLines("PublicAPI.Unshipped.txt");
        var removed = unshipped.Where(l => l.StartsWith("*REMOVED*", StringComparison.Ordinal)).Select(l => l.Substring("*REMOVED*".Length)).ToList();
        var declared = shipped.Except(removed).Concat(unshipped.Where(l => !l.StartsWith("*REMOVED*", StringComparison.Ordinal))).ToHashSet(StringComparer.Ordinal);

        Assert.All(removed, line => Assert.Contains(line, shipped));
        Assert.All(removed, line => Assert.Contains(WithoutDefaults(line), declared));
        Assert.Contains("Iklim.StackSdk.IServiceBuilder.Bind(string! hostPath, string! target, bool readOnly) -> Iklim.StackSdk.IServiceBuilder!", declared);
    }

    [Fact]
    public void WithoutDefaults_KeepsTheSignatureAndDropsOnlyTheValues()
    {
        Assert.Equal(
            "N.T.M(string! a, string? b, bool c) -> R!",
            WithoutDefaults("N.T.M(string! a, string? b = null, bool c = false) -> R!"));
        Assert.NotEqual(
            "N.T.M(string! a, bool c) -> R!",
            WithoutDefaults("N.T.M(string! a, string? b = null, bool c = false) -> R!"));
    }

    private static string WithoutDefaults(string line) => Regex.Replace(line, @" = [^,)]+", string.Empty, RegexOptions.CultureInvariant);

    private static List<string> ApiLines(string file) =>
        File.ReadAllLines(Path.Combine(SampleProject.RepoRoot, "src", "Iklim.StackSdk", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    private static IMethodSymbol BoundMethod(StackCompilation compilation, string call)
    {
        var name = call.Substring(1, call.IndexOf('(', StringComparison.Ordinal) - 1);
        var tree = compilation.Compilation.SyntaxTrees.Single();
        var invocation = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var n } m && n == name && m.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Image" } });
        return (IMethodSymbol)compilation.Compilation.GetSemanticModel(tree).GetSymbolInfo(invocation).Symbol!;
    }

    private static string Describe(ServiceSpec service)
    {
        if (service.Volumes.SingleOrDefault(v => v.Type == MountType.Tmpfs) is { } tmpfs)
        {
            return $"Tmpfs:{tmpfs.Target}|{tmpfs.ReadOnly}|{tmpfs.TmpfsSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (service.Volumes.Count > 0)
        {
            var m = service.Volumes.Single();
            return $"Volumes:{m.Source}|{m.Target}|{m.ReadOnly}|{m.Type}|{(m.NoCopy ? "True" : string.Empty)}|{m.Propagation}";
        }

        var (kind, reference) = service.Secrets.Count > 0 ? ("Secrets", service.Secrets.Single()) : ("Configs", service.Configs.Single());
        return FormattableString.Invariant($"{kind}:{reference.Source}|{reference.Target}|{reference.Uid}|{reference.Gid}|{reference.Mode}");
    }
}
