using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>
/// Builds a small stack through the runtime builders and returns one rule's findings. Every base call records the
/// origin "base" and every call in the "prod" profile the origin "prod", so a test sees whose call a finding lands on.
/// </summary>
public static class RuleStack
{
    public static IReadOnlyList<Finding> Findings(string id, Action<IStackBuilder> configureBase, Action<IProfileBuilder>? configureProd = null)
    {
        var origins = new Origins { Current = "base" };
        var stack = new StackBuilder("s", "docker-stack.yml", origins);
        stack.Network("net");
        configureBase(stack);
        if (configureProd is not null)
        {
            origins.Current = "prod";
            stack.Profile("prod", configureProd);
        }

        var result = stack.Build();
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Error);
        return result.Findings.Where(f => f.Id == id).ToList();
    }

    /// <summary>Asserts exactly one finding, in <paramref name="scope"/>, at <paramref name="key"/>, made by the <paramref name="origin"/> call.</summary>
    public static Finding Single(IReadOnlyList<Finding> findings, string scope, string key, string origin)
    {
        var finding = Assert.Single(findings);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(scope, finding.Where.Scope);
        Assert.Equal(key, finding.Where.Key);
        Assert.Equal(origin, finding.Origin);
        return finding;
    }

    private sealed class Origins : IOriginTracker
    {
        public object? Current { get; set; }
    }
}
