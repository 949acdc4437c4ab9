using System.Collections.Immutable;
using System.Globalization;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Building;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>
/// What the IDE shows is what the runtime finds: for the same source, the analyzer's diagnostics (ID and message)
/// are exactly the findings of <see cref="StackBuilder.Run"/>, policy rules included.
/// </summary>
public sealed class AnalyzerEqualsRuntimeTests
{
    private const int GeneratedStacks = 60;
    private const int DefaultSeed = 20261201;

    [Fact]
    public void Sample_HasNoDiagnosticAndNoFinding()
    {
        var (analyzer, runtime) = Both(SampleProject.InfraStackSource, "IklimProd.InfraStack", sample: true);

        Assert.Empty(analyzer);
        Assert.Empty(runtime);
    }

    [Fact]
    public void GeneratedStacks_AnalyzerReportsExactlyTheRuntimeFindings()
    {
        var seed = Environment.GetEnvironmentVariable("IKLIM_STACK_SEED") is { Length: > 0 } chosen ? int.Parse(chosen, CultureInfo.InvariantCulture) : DefaultSeed;
        var policyIds = new HashSet<string>(Iklim.StackSdk.Rules.StackRules.Ids, StringComparer.Ordinal);
        var seen = new List<string>();
        var stacksWithPolicyFindings = 0;
        for (var i = 0; i < GeneratedStacks; i++)
        {
            var stackSeed = unchecked(seed + i);
            var source = RandomStackSource.Create(stackSeed);
            var (analyzer, runtime) = Both(source, "InfraStack");
            Assert.True(
                analyzer.SequenceEqual(runtime),
                $"seed {stackSeed} (IKLIM_STACK_SEED={stackSeed} replays it):\n--- analyzer\n{string.Join("\n", analyzer)}\n--- runtime\n{string.Join("\n", runtime)}\n--- source\n{source}");

            var policy = runtime.Where(f => policyIds.Contains(f.Id)).ToList();
            seen.AddRange(policy.Select(f => f.Id));
            stacksWithPolicyFindings += policy.Count > 0 ? 1 : 0;
        }

        // The comparison means something only if the generator reaches the rules.
        Assert.True(stacksWithPolicyFindings >= GeneratedStacks / 3, $"only {stacksWithPolicyFindings} of {GeneratedStacks} stacks have policy findings");
        Assert.True(seen.Distinct().Count() >= 5, "policy rules reached: " + string.Join(", ", seen.Distinct().Order(StringComparer.Ordinal)));
    }

    private static (IReadOnlyList<(string Id, string Message)> Analyzer, IReadOnlyList<(string Id, string Message)> Runtime) Both(string source, string className, bool sample = false)
    {
        var compilation = sample ? StackCompilation.Sample(source) : StackCompilation.Create(source);
        Assert.True(compilation.Errors.Count == 0, $"does not compile:\n{string.Join("\n", compilation.Errors)}\n{source}");

        var diagnostics = compilation.Compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StackDefinitionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.All(diagnostics, d => Assert.True(d.Location.IsInSource, $"{d.Id} has no source location"));
        var analyzer = Sorted(diagnostics.Select(d => (d.Id, d.GetMessage(CultureInfo.InvariantCulture))));
        var runtime = Sorted(compilation.RunAtRuntime(className).Findings.Select(f => (f.Id, f.Message)));
        return (analyzer, runtime);
    }

    private static IReadOnlyList<(string Id, string Message)> Sorted(IEnumerable<(string Id, string Message)> items) =>
        items.OrderBy(i => i.Id, StringComparer.Ordinal).ThenBy(i => i.Message, StringComparer.Ordinal).ToList();
}
