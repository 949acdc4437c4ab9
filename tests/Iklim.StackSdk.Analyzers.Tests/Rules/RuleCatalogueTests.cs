using System.Reflection;
using Iklim.StackSdk.Analyzers.Rules;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>Every rule has a descriptor with a help link, a docs page that follows the template, and a release note.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    public static TheoryData<string> Ids => new(AllIds());

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRule_HasDescriptorHelpLinkDocsPageAndReleaseNote(string id)
    {
        var descriptor = Assert.Single(new StackDefinitionAnalyzer().SupportedDiagnostics, d => d.Id == id);
        Assert.Equal($"https://github.com/iklimco/Iklim.StackSdk/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.Equal("Iklim.StackSdk", descriptor.Category);

        var page = Path.Combine(RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var section in new[] { "## Why", "## Bad", "## Good", "## How to suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        var unshipped = File.ReadAllText(Path.Combine(RepoRoot, "src", "Iklim.StackSdk.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | Iklim.StackSdk | {descriptor.DefaultSeverity} |", unshipped, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRuntimePolicyRule_HasAnIdentifierAndADescriptor()
    {
        var ids = AllIds().ToHashSet(StringComparer.Ordinal);
        Assert.All(Iklim.StackSdk.Rules.StackRules.Ids, id =>
        {
            Assert.Contains(id, ids);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, Descriptors.For(id)!.DefaultSeverity);
        });
    }

    private static IEnumerable<string> AllIds() => typeof(RuleIdentifiers)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(RuleIdentifiers.HelpBaseUri))
        .Select(f => (string)f.GetRawConstantValue()!);

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IklimStackSdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("IklimStackSdk.sln not found above the test binaries");
    }
}
