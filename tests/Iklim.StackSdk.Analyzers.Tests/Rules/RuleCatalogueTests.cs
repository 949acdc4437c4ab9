using System.Reflection;
using System.Text.RegularExpressions;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Rules;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>
/// One rule, one place: every rule of the catalogue is declared once (one ID literal in src/), has one
/// <see cref="RuleIdentifiers"/> constant, one analyzer descriptor built from its declaration, one help link, one docs
/// page in the template and one release-notes line; and nothing names a rule the catalogue lacks. The build step's
/// codes (IKS09xx, <c>BuildMessageCodes</c>) are not Roslyn diagnostics, so they have no descriptor and no release
/// line, but each has one page in the same template and one row in the catalogue's README, and links to its page.
/// </summary>
public sealed class RuleCatalogueTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    private static readonly Regex IdLiteral = new("\"(IKS[0-9]{4})\"", RegexOptions.CultureInvariant);

    private static readonly string BuildCodesFile = Path.Combine("src", "Iklim.StackSdk.Build", "BuildMessageCodes.cs");

    public static TheoryData<string> Ids => new(RuleCatalogue.All.Select(r => r.Id));

    public static TheoryData<string> BuildIds => new(BuildCodes());

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRule_HasOneDescriptorBuiltFromItsDeclaration(string id)
    {
        var rule = RuleCatalogue.For(id)!;
        var descriptor = Assert.Single(new StackDefinitionAnalyzer().SupportedDiagnostics, d => d.Id == id);
        Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rule.Description, descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"https://github.com/iklimco/Iklim.StackSdk/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.Equal("Iklim.StackSdk", descriptor.Category);
        Assert.Equal(rule.DefaultSeverity == Iklim.StackSdk.Building.FindingSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Single(IdentifierConstants(), c => c == id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRule_HasOneDocsPageInTheTemplate(string id)
    {
        var page = Path.Combine(RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page).ReplaceLineEndings("\n");
        Assert.StartsWith($"# {id}: {RuleCatalogue.For(id)!.Title}\n", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Why", "## Bad", "## Good", "## How to suppress" })
        {
            Assert.Single(text.Split('\n'), line => line == section);
        }
    }

    [Theory]
    [MemberData(nameof(BuildIds))]
    public void EveryBuildCode_HasOneDocsPageInTheTemplate_AndOneCatalogueRow(string id)
    {
        var page = Path.Combine(RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var lines = File.ReadAllText(page).ReplaceLineEndings("\n").Split('\n');
        Assert.Matches($"^# {id}: [A-Z].+[^.]$", lines[0]);
        Assert.Contains($"| ID | {id} |", lines);
        Assert.Contains("| Category | Iklim.StackSdk.Build |", lines);
        Assert.Single(lines, line => line is "| Default severity | Error |" or "| Default severity | Warning |");
        foreach (var section in new[] { "## Why", "## Bad", "## Good", "## How to suppress" })
        {
            Assert.Single(lines, line => line == section);
        }

        var title = lines[0][(id.Length + 4)..];
        var readme = File.ReadAllLines(Path.Combine(RepoRoot, "docs", "rules", "README.md"));
        Assert.Single(readme, line => line.StartsWith($"| [{id}]({id}.md) | {title} |", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildCodes_LinkToTheirPagesUnderTheRulesBaseUri()
    {
        Assert.NotEmpty(BuildCodes());
        var source = File.ReadAllText(Path.Combine(RepoRoot, BuildCodesFile));
        Assert.Contains($"public const string HelpBaseUri = \"{RuleCatalogue.HelpBaseUri}\";", source, StringComparison.Ordinal);
        Assert.Contains("public static string HelpLink(string code) => HelpBaseUri + code + \".md\";", source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRule_HasOneReleaseNotesLine(string id)
    {
        var rule = RuleCatalogue.For(id)!;
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "src", "Iklim.StackSdk.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var line = Assert.Single(lines, l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.StartsWith($"{id} | Iklim.StackSdk | {rule.DefaultSeverity} | StackDefinitionAnalyzer, [Documentation]({rule.HelpUri})", line, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryIdLiteralInSrc_IsTypedOnce_AndEveryCatalogueRuleIsDeclaredInRules()
    {
        var literals = Directory.EnumerateFiles(Path.Combine(RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f)
                .Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .SelectMany(l => IdLiteral.Matches(l).Select(m => (Id: m.Groups[1].Value, File: Path.GetRelativePath(RepoRoot, f)))))
            .ToList();

        Assert.All(literals.GroupBy(l => l.Id), g => Assert.True(g.Count() == 1, $"{g.Key} is typed {g.Count()} times: {string.Join(", ", g.Select(l => l.File))}"));
        foreach (var rule in RuleCatalogue.All)
        {
            var (_, file) = Assert.Single(literals, l => l.Id == rule.Id);
            Assert.StartsWith(Path.Combine("src", "Iklim.StackSdk", "Rules") + Path.DirectorySeparatorChar, file, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDocsPageAndReleaseNote_NamesACatalogueRule()
    {
        var known = RuleCatalogue.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var paged = known.Concat(BuildCodes()).ToHashSet(StringComparer.Ordinal);
        Assert.All(Directory.EnumerateFiles(Path.Combine(RepoRoot, "docs", "rules"), "IKS*.md"), page => Assert.Contains(Path.GetFileNameWithoutExtension(page), paged));
        var noted = File.ReadAllLines(Path.Combine(RepoRoot, "src", "Iklim.StackSdk.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(l => l.StartsWith("IKS", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[0]);
        Assert.All(noted, id => Assert.Contains(id, known));
        Assert.Equal(known.Order(StringComparer.Ordinal), IdentifierConstants().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRuntimePolicyRule_IsInTheCatalogueAsAWarning()
    {
        Assert.All(StackRules.Ids, id => Assert.Equal(Iklim.StackSdk.Building.FindingSeverity.Warning, RuleCatalogue.For(id)!.DefaultSeverity));
        Assert.Equal(StackRules.Ids.Count, StackRules.Ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The build step's codes: the ID literals of BuildMessageCodes.cs, read as source: a reference to the task assembly would define the manifest types it links a second time beside the generator's.</summary>
    private static IReadOnlyList<string> BuildCodes() =>
        File.ReadLines(Path.Combine(RepoRoot, BuildCodesFile))
            .Where(l => l.TrimStart().StartsWith("public const string ", StringComparison.Ordinal))
            .SelectMany(l => IdLiteral.Matches(l).Select(m => m.Groups[1].Value))
            .ToList();

    private static IEnumerable<string> IdentifierConstants() => typeof(RuleIdentifiers)
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
