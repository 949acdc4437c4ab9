using System.Text.RegularExpressions;
using Xunit;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>
/// The repository's samples built as a user builds them. In the same collection as <see cref="StackProjectBuildTests"/>
/// so that builds of the shared src/ projects never overlap.
/// </summary>
[Trait("Category", "Build")]
[Collection(nameof(StackProjectBuildTests))]
public sealed class SampleBuildTests
{
    private static readonly Regex Warning = new(@"(?<file>[^\s(]+\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>IKS\d{4})", RegexOptions.CultureInvariant);

    private static readonly Regex Marker = new(@"// warns (?<id>IKS\d{4})\s*$", RegexOptions.CultureInvariant);

    [Fact]
    public void MistakesSample_PrintsEachWarningAtTheCallThatMakesIt()
    {
        var project = Path.Combine(FixtureBuild.RepoRoot, "samples", "IklimProd.Mistakes");
        var source = Path.Combine(project, "MistakesStack.cs");

        // Each line marked "// warns IKSnnnn" expects that warning at the start of the line's DSL call (after the '.').
        var expected = File.ReadAllLines(source)
            .Select((text, index) => (text, line: index + 1))
            .Select(x => (x.text, x.line, marker: Marker.Match(x.text)))
            .Where(x => x.marker.Success)
            .Select(x => $"MistakesStack.cs({x.line},{x.text.IndexOf('.', StringComparison.Ordinal) + 2}): {x.marker.Groups["id"].Value}")
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();

        // Recompile only the sample (warnings are printed when the compiler runs); the SDK projects were built by the solution build.
        var build = FixtureBuild.BuildIn(project, null, "--no-incremental", "-p:BuildProjectReferences=false");

        Assert.True(build.ExitCode == 0, build.Output);
        var reported = Warning.Matches(build.Output)
            .Select(m => $"{Path.GetFileName(m.Groups["file"].Value)}({m.Groups["line"].Value},{m.Groups["column"].Value}): {m.Groups["id"].Value}")
            .Distinct()
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            new[] { "IKS0101", "IKS0102", "IKS0103", "IKS0104", "IKS0105", "IKS0106", "IKS0108", "IKS0109", "IKS0110", "IKS0111", "IKS0112", "IKS0113", "IKS0114" },
            expected.Select(e => e[^7..]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expected, reported);
    }
}
