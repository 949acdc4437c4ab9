using Iklim.StackSdk.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The library's layers point one way (DESIGN: findings at the bottom, then the model, merge, plan, rules, emitters).
/// A layer is a folder of src/Iklim.StackSdk, not a namespace: Finding keeps the namespace 0.1.0 shipped it in
/// (Building) but lives in Findings/. The test binds the library's source and follows every name in the code of a
/// lower layer to the folder that declares it; documentation links are not dependencies and are not read.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string Library = Path.Combine(ExternalTool.RepositoryRoot, "src", "Iklim.StackSdk");

    // Each lower layer and the folders it may use besides its own. The DSL's interfaces and enums share the model's
    // level: the key table names DSL members (nameof), and the DSL takes the model's enums.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Findings"] = Array.Empty<string>(),
        ["Model"] = new[] { "Findings", "Dsl" },
        // Merging takes IKS0004's id and message from the rule catalogue; what it must never reach is Emitting, whose
        // gateway config mount is a step over the plan, not part of it.
        ["Merging"] = new[] { "Findings", "Model", "Dsl", "Validation", "Rules" },
    };

    [Fact]
    public void TheLowerLayers_ReferenceOnlyTheLayersTheyMay()
    {
        var violations = Violations(LibrarySources());

        Assert.True(violations.Count == 0, "References against the layering:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheCheck_SeesAModelTypeThatCallsTheRules()
    {
        // A reference the test must catch, so that a green run means something.
        var planted = ("Model/Planted.cs", """
            namespace Iklim.StackSdk.Model;

            internal static class Planted
            {
                public static int Count(StackModel model) => Iklim.StackSdk.Rules.StackRules.Check(model).Count;
            }
            """);

        var violations = Violations(LibrarySources().Append(planted));

        Assert.Contains(violations, v => v.StartsWith("Model/Planted.cs(5)", StringComparison.Ordinal) && v.Contains("StackRules (Rules/", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCheck_SeesAMergingTypeThatCallsTheEmitters()
    {
        var planted = ("Merging/Planted.cs", """
            namespace Iklim.StackSdk.Merging;

            internal static class Planted
            {
                public static Iklim.StackSdk.Model.StackModel Mounted(Iklim.StackSdk.Model.StackModel model) => Iklim.StackSdk.Emitting.Gateway.GatewayConfigMounts.Of(model);
            }
            """);

        var violations = Violations(LibrarySources().Append(planted));

        Assert.Contains(violations, v => v.StartsWith("Merging/Planted.cs(5)", StringComparison.Ordinal) && v.Contains("GatewayConfigMounts (Emitting/", StringComparison.Ordinal));
    }

    [Fact]
    public void StackModelValidate_OnAModelWrittenAsRecords_StillRunsTheChecksAboveIt()
    {
        var model = new Model.StackModel("s", "docker-stack.yml", Model.StackScope.Empty with
        {
            Services = Model.ValueList.Of(new Model.ServiceSpec("api") { Image = "apache/apisix:3.11.0-debian", Secrets = Model.ValueList.Of(new Model.FileReference("undeclared", null)) }),
        }, Model.ValueList<Model.ProfileModel>.Empty);

        var finding = Assert.Single(model.Validate(), f => f.Id == "IKS0003");
        Assert.Equal(new Building.SourceRef("", "service", "api", "Secret:undeclared"), finding.Where);
    }

    private static IEnumerable<(string Path, string Text)> LibrarySources() =>
        Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Library, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(Library, f))));

    private static List<string> Violations(IEnumerable<(string Path, string Text)> sources)
    {
        // DocumentationMode.None: doc comments stay trivia, so a <see cref> to a higher layer is not bound.
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, s.Path)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Layers", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var unbound = new List<string>();
        var violations = new List<string>();
        foreach (var tree in trees.Where(t => Allowed.ContainsKey(Layer(t.FilePath))))
        {
            var layer = Layer(tree.FilePath);
            var semantic = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Parent is QualifiedNameSyntax { Parent: UsingDirectiveSyntax or NamespaceDeclarationSyntax or FileScopedNamespaceDeclarationSyntax } || name.Parent is UsingDirectiveSyntax or BaseNamespaceDeclarationSyntax)
                {
                    continue;
                }

                var info = semantic.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null)
                {
                    // A name the test cannot bind is a name it cannot check: count those, so the check never goes blind.
                    if (semantic.GetTypeInfo(name).Type is null or IErrorTypeSymbol && name.Identifier.ValueText is not ("var" or "nameof" or "_"))
                    {
                        unbound.Add($"{tree.FilePath}({name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {name.Identifier.ValueText}");
                    }

                    continue;
                }

                var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
                var declared = type?.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath;
                if (declared is null)
                {
                    continue;
                }

                var target = Layer(declared);
                if (target != layer && !Allowed[layer].Contains(target, StringComparer.Ordinal))
                {
                    violations.Add($"{tree.FilePath}({name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {layer} uses {type!.Name} ({declared})");
                }
            }
        }

        Assert.True(unbound.Count == 0, "Names the layering check could not bind:\n" + string.Join("\n", unbound.Distinct()));
        return violations.Distinct().ToList();
    }

    private static string Layer(string path) => path.Split('/')[0];
}
